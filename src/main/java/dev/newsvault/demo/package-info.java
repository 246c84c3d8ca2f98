/**
 * The bundled sample news site that {@code newsvault demo} crawls: The Harbour Gazette, served from
 * {@code src/main/resources/demo-site/} on 127.0.0.1 with real HTTP validators, plus the two changes the
 * demo shows off (a real article correction, and page furniture that moves without the story changing).
 */
package dev.newsvault.demo;

/** Settings: {@code crawl-config.properties}, command-line overrides, and validation that names the key. */
package dev.newsvault.config;

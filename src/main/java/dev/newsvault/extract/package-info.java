/** Turning a page into an article: charset decoding, boilerplate removal with jsoup, metadata. */
package dev.newsvault.extract;

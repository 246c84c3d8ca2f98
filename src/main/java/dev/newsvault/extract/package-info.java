/**
 * Turns a fetched HTML page into an {@link dev.newsvault.extract.Article}: charset decoding
 * ({@link dev.newsvault.extract.HtmlDecoder}), boilerplate removal and body text
 * ({@link dev.newsvault.extract.ArticleExtractor}), and page metadata
 * ({@link dev.newsvault.extract.MetadataExtractor}). Everything here is stateless or immutable, so one
 * extractor serves all crawler threads.
 */
package dev.newsvault.extract;

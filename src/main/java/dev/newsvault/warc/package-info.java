/**
 * WARC import ({@code newsvault import}): reads WARC 1.0/1.1 files written by any tool, turns every HTML
 * response (and every revisit of one) into the archive rows a crawl writes, through the crawl's own extractor and
 * {@code Archive.store}, and keeps each capture's origin. Sits beside {@code crawl} as another way into the
 * archive; the SQL stays in {@code archive}.
 */
package dev.newsvault.warc;

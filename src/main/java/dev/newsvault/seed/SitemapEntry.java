package dev.newsvault.seed;

import java.time.Instant;

/**
 * One {@code <url>} of a sitemap, or one {@code <sitemap>} of a sitemap index.
 *
 * @param url the location, absolute
 * @param lastModified {@code <lastmod>}, or null
 * @param title {@code <news:title>} of a Google News sitemap, or null
 * @param published {@code <news:publication_date>}, or null
 */
public record SitemapEntry(String url, Instant lastModified, String title, Instant published) {}

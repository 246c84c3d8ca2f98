package dev.newsvault.seed;

import java.time.Instant;

/**
 * A start URL found in a feed or sitemap, with what the feed or sitemap said about it.
 *
 * @param url the article URL
 * @param source the feed or sitemap it was listed in
 * @param sourceKind {@link SeedType#FEED} or {@link SeedType#SITEMAP}; {@link SeedType#PAGE}
 *     for a seed that turned out to be a web page
 * @param title the entry's title, or null
 * @param published the entry's publication (or update) time, or null
 * @param author the entry's author, or null
 */
public record DiscoveredUrl(String url, String source, SeedType sourceKind, String title, Instant published,
    String author) {}

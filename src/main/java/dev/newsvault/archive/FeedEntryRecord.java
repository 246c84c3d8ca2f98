package dev.newsvault.archive;

/** What a feed or news sitemap said about an article URL (times ISO-8601 or null). */
public record FeedEntryRecord(String url, String sourceUrl, String sourceKind, String title, String published,
    String author, String firstSeen, String lastSeen) {}

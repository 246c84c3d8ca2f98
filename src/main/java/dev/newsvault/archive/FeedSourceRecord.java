package dev.newsvault.archive;

/** A feed or sitemap as last fetched: kind, title, validators, status, how many URLs it listed. */
public record FeedSourceRecord(String url, String kind, String title, String etag, String lastModified,
    String lastFetched, int lastStatus, int entries, String problem) {}

package dev.newsvault.seed;

/**
 * One fetch of a feed or sitemap during expansion, kept so the next expansion can send its validators.
 *
 * @param url the feed or sitemap URL
 * @param kind what it turned out to be
 * @param status the HTTP status (304 when unchanged), 0 when no response
 * @param etag ETag of the response, or null
 * @param lastModified Last-Modified of the response, or null
 * @param title the feed's title, or null
 * @param entries how many URLs it listed
 * @param problem why it gave nothing, or null
 */
public record SourceFetch(String url, SeedType kind, int status, String etag, String lastModified,
    String title, int entries, String problem) {}

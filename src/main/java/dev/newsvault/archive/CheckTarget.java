package dev.newsvault.archive;

/**
 * An archived article as a re-check needs it: where to fetch it, which validators to send, and the hashes
 * and size of its current version to compare against.
 *
 * @param etag the ETag to send as If-None-Match: of the last response known to hold the current version
 * @param lastModified the Last-Modified to send as If-Modified-Since, likewise
 */
public record CheckTarget(
    long articleId,
    String url,
    String canonicalUrl,
    String state,
    int currentVersion,
    String etag,
    String lastModified,
    ContentHash textHash,
    ContentHash metaHash,
    int wordCount) {}

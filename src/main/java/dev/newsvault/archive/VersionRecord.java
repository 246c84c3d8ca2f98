package dev.newsvault.archive;

import java.util.List;

/** One archived version of an article: its text, metadata, hashes and the fetch it came from. */
public record VersionRecord(
    long articleId,
    int version,
    ContentHash textHash,
    ContentHash metaHash,
    long fetchId,
    String rawSha256,
    String fetchedAt,
    String etag,
    String lastModified,
    String title,
    List<String> authors,
    String published,
    String modified,
    String siteName,
    String language,
    String description,
    List<String> tags,
    String imageUrl,
    String canonicalUrl,
    String text,
    int wordCount,
    String dateSource,
    String modifiedSource) {}

package dev.newsvault.archive;

import java.util.List;

/**
 * One archived version of an article: its text, metadata, hashes and the fetch it came from. {@code markdown} is
 * the text with its structure; a version archived before Markdown was kept, or whose Markdown is only its text's
 * paragraphs (stored as null), has its text as Markdown paragraphs.
 */
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
    String modifiedSource,
    String markdown) {

  public VersionRecord {
    markdown = markdown == null ? dev.newsvault.extract.MarkdownWriter.paragraphs(text) : markdown;
  }
}

package dev.newsvault.archive;

import java.util.List;
import java.util.Map;

/**
 * One article version as an export writes it, with the fetch it came from.
 *
 * @param versionId the article_version row id: archive order, and the unit export checkpoints count in
 * @param fetchStatus the HTTP status of the fetch, or 0 when unknown
 * @param fetchHeaders the response headers of note recorded with the fetch (lower-case names)
 * @param rawSha256 the raw page's {@code sha256:…}, or null when the page bytes were not kept
 * @param titleRss the title a feed or news sitemap gave for the article's URL, or null
 * @param finalUrl the URL the fetch ended at after redirects, or null when unknown
 * @param firstSeen when the article was first archived (the article's, not this version's)
 * @param lastSeen when the article was last fetched with this or any text
 * @param state the article's state now: {@code live}, {@code gone} or {@code moved}
 * @param languageDetected the language detected from the text (ISO 639-1), or null when too short to tell
 * @param changeKind the kind of edit that made this version (typo, number, …) as check labelled it, or null
 * @param dateSource where {@code published} was read (json-ld, meta, microdata, time, url, text, script, or
 *     feed when the page stated none and a feed did), or null when there is no date or the version predates the record
 * @param modifiedSource where {@code modified} was read, likewise
 * @param markdown the text with its structure as CommonMark; for a version archived before Markdown was kept, or
 *     whose Markdown is only its text's paragraphs (the archive then stores none), the text as Markdown paragraphs
 * @param categories the sections the raw page declares ({@link Categories}), read when it was archived
 * @param simhash the text's {@link SimHash}, stored when the version was archived, or null when not stored
 */
public record ExportRow(
    long versionId,
    long articleId,
    int version,
    String url,
    String host,
    String canonicalUrl,
    String textSha256,
    String title,
    List<String> authors,
    String published,
    String modified,
    String fetchedAt,
    String siteName,
    String language,
    String description,
    List<String> tags,
    String imageUrl,
    String text,
    int wordCount,
    int fetchStatus,
    String contentType,
    Map<String, String> fetchHeaders,
    String rawSha256,
    String titleRss,
    String finalUrl,
    String firstSeen,
    String lastSeen,
    String state,
    String changeKind,
    String languageDetected,
    String dateSource,
    String modifiedSource,
    String markdown,
    List<String> categories,
    Long simhash) {

  public ExportRow {
    markdown = markdown == null ? dev.newsvault.extract.MarkdownWriter.paragraphs(text) : markdown;
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** The text's SimHash: the stored one, else computed from the text. */
  public long fingerprint() {
    return simhash != null ? simhash : SimHash.of(text == null ? "" : text);
  }
}

package dev.newsvault.extract;

import java.util.List;

/**
 * What the extractor found on one page. Dates are ISO-8601 strings as found on the page (a date or a
 * date-time with offset); a field that the page does not state is {@code null}, lists are never null.
 * {@code text} is the article body only, paragraphs separated by a blank line, without the headline.
 * {@code language} is what the page declares ({@code <html lang>}, metadata); {@code languageDetected}
 * is the ISO 639-1 code detected from {@code text} (null when the text is too short to tell).
 * {@code dateSource} and {@code modifiedSource} say where {@code published} and {@code modified} were
 * read, as a {@link DateSource#label()} ("json-ld", "meta", "microdata", "time", "url", "text", "script", "feed");
 * null when the date is null.
 * {@code markdown} is the same body as CommonMark with its structure (headings, lists, quotes, tables, code,
 * links and images); its text is {@code text} (see {@link MarkdownWriter}). Built without it, an article
 * gets its text as Markdown paragraphs.
 */
public record Article(
    String url,
    String canonicalUrl,
    String title,
    List<String> authors,
    String published,
    String modified,
    String siteName,
    String language,
    String description,
    List<String> tags,
    String imageUrl,
    String text,
    String languageDetected,
    String dateSource,
    String modifiedSource,
    String markdown) {

  /** An article without date sources or Markdown (callers that build articles by hand; archives from before them). */
  public Article(String url, String canonicalUrl, String title, List<String> authors, String published,
      String modified, String siteName, String language, String description, List<String> tags,
      String imageUrl, String text, String languageDetected) {
    this(url, canonicalUrl, title, authors, published, modified, siteName, language, description, tags,
        imageUrl, text, languageDetected, null, null, null);
  }

  /** An article without a detected language (callers that build articles by hand). */
  public Article(String url, String canonicalUrl, String title, List<String> authors, String published,
      String modified, String siteName, String language, String description, List<String> tags,
      String imageUrl, String text) {
    this(url, canonicalUrl, title, authors, published, modified, siteName, language, description, tags,
        imageUrl, text, null, null, null, null);
  }

  public Article {
    authors = authors == null ? List.of() : List.copyOf(authors);
    tags = tags == null ? List.of() : List.copyOf(tags);
    text = text == null ? "" : text;
    dateSource = published == null ? null : dateSource;
    modifiedSource = modified == null ? null : modifiedSource;
    markdown = markdown == null ? MarkdownWriter.paragraphs(text) : markdown;
  }

  /** An article with nothing found, for pages that cannot be parsed at all. */
  public static Article empty(String url) {
    return new Article(url, null, null, List.of(), null, null, null, null, null, List.of(), null, "");
  }
}

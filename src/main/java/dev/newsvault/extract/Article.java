package dev.newsvault.extract;

import java.util.List;

/**
 * What the extractor found on one page. Dates are ISO-8601 strings as found on the page (a date or a
 * date-time with offset); a field that the page does not state is {@code null}, lists are never null.
 * {@code text} is the article body only, paragraphs separated by a blank line, without the headline.
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
    String text) {

  public Article {
    authors = authors == null ? List.of() : List.copyOf(authors);
    tags = tags == null ? List.of() : List.copyOf(tags);
    text = text == null ? "" : text;
  }

  /** An article with nothing found, for pages that cannot be parsed at all. */
  public static Article empty(String url) {
    return new Article(url, null, null, List.of(), null, null, null, null, null, List.of(), null, "");
  }
}

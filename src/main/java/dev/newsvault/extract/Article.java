package dev.newsvault.extract;

import java.util.List;

/**
 * An article as extracted from one page: the body text and the metadata found around it.
 * Dates are ISO-8601 strings as found on the page; a field that the page does not state is null.
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
}

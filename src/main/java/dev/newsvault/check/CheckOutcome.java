package dev.newsvault.check;

import java.util.Locale;

/** What re-checking one archived article found. */
public enum CheckOutcome {
  /**
   * HTTP 304, or the cleaned text, title and byline are the same as the current version's, or differ only because
   * an older extractor wrote the current version and the page it was extracted from gives today's text.
   */
  UNCHANGED,
  /** The text, title or byline differ: a new version was stored. */
  CHANGED,
  /** HTTP 404, 410 or 451, or a redirect to the site's home page. */
  GONE,
  /** A redirect to a different article URL (see {@link UrlIdentity}). */
  MOVED,
  /** The check could not tell: timeout, server error, a page that lost its article, a URL not archived. */
  ERROR;

  /** The lower-case name used in output and in the archive. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome for a stored {@link #code()}. */
  public static CheckOutcome parse(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** Whether the article is not what it was: changed, gone or moved. */
  public boolean isNews() {
    return this == CHANGED || this == GONE || this == MOVED;
  }
}

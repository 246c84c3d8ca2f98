package dev.newsvault.schedule;

import java.util.Locale;

/** What one re-check of an article found. */
public enum RevisitOutcome {
  /** Same text (or HTTP 304). */
  UNCHANGED,
  /** A new version was archived. */
  CHANGED,
  /** The article is gone (404/410): revisits stop. */
  GONE,
  /** The URL now redirects elsewhere: revisits stop, the new URL is crawled on its own. */
  MOVED,
  /** The check failed (timeout, 5xx, …): retried at the same interval. */
  ERROR;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RevisitOutcome parse(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}

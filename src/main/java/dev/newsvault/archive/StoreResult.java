package dev.newsvault.archive;

/**
 * What storing one capture did.
 *
 * @param fetchId the new fetch row
 * @param change what happened to the article
 * @param articleId the article's id, or 0 when the page held no article
 * @param version the article's current version number after the store, or 0
 */
public record StoreResult(long fetchId, Change change, long articleId, int version) {

  /** What a capture did to the article it held. */
  public enum Change {
    /** The fetch failed or was skipped; nothing but the fetch row was written. */
    NONE,
    /** The page was archived but held no article text (a section or index page). */
    NOT_ARTICLE,
    /** A URL not archived before: version 1. */
    NEW,
    /** The text, title or byline differ from the current version: a new version. */
    CHANGED,
    /** Same text, title and byline as the current version. */
    UNCHANGED
  }
}

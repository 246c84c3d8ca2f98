package dev.newsvault.check;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ArchivedExtraction;
import dev.newsvault.archive.CheckTarget;
import dev.newsvault.archive.ContentHash;
import dev.newsvault.extract.Article;

/**
 * Tells an edit of the page from an upgrade of newsvault's extractor. A better extractor gives another text for
 * the same page (a standfirst kept, a boilerplate line dropped), so an archived version's hash, taken from an
 * older extractor's text, no longer matches the live page although nobody edited it. When the live text, title
 * or byline differ from the archived current version, the page that version was extracted from (its raw
 * response, or the DOM the browser built when its text came from a rendering) is extracted again with today's
 * extractor: if that gives what the live page gives, only newsvault changed.
 *
 * <p>The archived text and hash stay as they were (history is never rewritten), and nothing is recorded to skip
 * this next time: it costs one extraction of a stored page, only for an article whose hash differs, and where
 * the site sends validators, the ones this check keeps make the next check end in a 304 before any extraction.
 */
final class ExtractorUpgrade {

  /** The detail of an unchanged check whose text differs from the archived version only by the extractor. */
  static final String DETAIL = "archived text was extracted by an older newsvault; the page is as archived";

  private final ArchivedExtraction archived;

  ExtractorUpgrade(ArchivedExtraction archived) {
    this.archived = archived;
  }

  /** Whether the live text, title or byline differ from those archived for the current version of {@code t}. */
  static boolean differs(CheckTarget t, Article live, ContentHash liveText) {
    return !liveText.equals(t.textHash()) || !ContentHash.ofMeta(live.title(), live.authors()).equals(t.metaHash());
  }

  /**
   * Whether the page the current version of {@code t} was extracted from, extracted again today, gives the text,
   * title and byline of {@code live}. False when that page was not kept: the check then judges by the archived
   * hashes alone, as it always did.
   */
  boolean explains(CheckTarget t, Article live, ContentHash liveText) throws ArchiveException {
    return archived.explains(t.articleId(), t.currentVersion(), liveText.toString(),
        ContentHash.ofMeta(live.title(), live.authors()).toString());
  }
}

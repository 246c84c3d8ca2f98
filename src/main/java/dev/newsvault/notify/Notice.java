package dev.newsvault.notify;

/**
 * What one notice says about one changed article, every text already cleaned of characters XML cannot carry.
 *
 * @param noticeId the notice's id in the archive (0 for a test message)
 * @param url the article's URL
 * @param title the new version's headline
 * @param host the article's host
 * @param list the seed list the host belongs to, or null
 * @param oldVersion the version before
 * @param oldTime when the version before was fetched (ISO instant)
 * @param newVersion the new version
 * @param newTime when the new version was fetched (ISO instant)
 * @param kind the kind of change (typo … rewrite)
 * @param wordsAdded words added
 * @param wordsRemoved words removed
 * @param diff a short word diff: changed paragraphs with {@code [-removed-]} and {@code {+added+}} marks
 * @param diffUrl the diff's page on {@code serve}, when {@code serve.base.url} is set, else null
 */
public record Notice(long noticeId, String url, String title, String host, String list, int oldVersion,
    String oldTime, int newVersion, String newTime, String kind, int wordsAdded, int wordsRemoved, String diff,
    String diffUrl) {

  /** The page people should open: the diff when there is one, else the article. */
  public String link() {
    return diffUrl != null ? diffUrl : url;
  }
}

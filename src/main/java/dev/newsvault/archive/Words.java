package dev.newsvault.archive;

import dev.newsvault.extract.Chars;
import dev.newsvault.extract.TextShape;

/** Counts words the way the archive reports sizes: runs of letters or digits, as the extractor counts them. */
public final class Words {
  private Words() {}

  /** As {@link TextShape#words}, with ASCII answered without a table look-up (a crawl counts every page's text). */
  public static int count(String text) {
    return count(text, Integer.MAX_VALUE);
  }

  /**
   * Whether {@code text} has {@code min} words or more, as {@code count(text) >= min}, reading only as far as the
   * {@code min}th word: a crawl asks this of every story before it stores the story's count.
   */
  public static boolean atLeast(String text, int min) {
    return min <= 0 || count(text, min) >= min;
  }

  /** The words of {@code text}, counted up to {@code limit}. */
  private static int count(String text, int limit) {
    if (text == null) {
      return 0;
    }
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length() && n < limit; i++) {
      char c = text.charAt(i);
      boolean w = Chars.isLetterOrDigit(c);
      if (w && !inWord) {
        n++;
      }
      inWord = w;
    }
    return n;
  }
}

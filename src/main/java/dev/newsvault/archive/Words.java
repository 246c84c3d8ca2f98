package dev.newsvault.archive;

import dev.newsvault.extract.TextShape;

/** Counts words the way the archive reports sizes: runs of letters or digits, as the extractor counts them. */
public final class Words {
  private Words() {}

  /** {@link TextShape#words}, 0 for no text. */
  public static int count(String text) {
    return text == null ? 0 : TextShape.words(text);
  }

  /**
   * Whether {@code text} has {@code min} words or more, as {@code count(text) >= min}, reading only as far as the
   * {@code min}th word: a crawl asks this of every story before it stores the story's count.
   */
  public static boolean atLeast(String text, int min) {
    return min <= 0 || text != null && TextShape.words(text, min) >= min;
  }
}

package dev.newsvault.extract;

import java.util.Locale;

/**
 * What a run of text looks like, whatever its language: the one home of sentence-shape signals.
 * Words are runs of letters and digits; a sentence ends in closing punctuation; commas (Latin and
 * CJK) and full stops mark running prose; two texts are "the same" when their letters and digits
 * agree, ignoring case, spacing and punctuation. Callers decide thresholds; the signals live here.
 */
public final class TextShape {

  private TextShape() {}

  /**
   * Letters-or-digits runs: the word count of any script that separates words, and the one the archive
   * reports ({@code archive.Words} counts with this).
   */
  public static int words(String text) {
    return words(text, Integer.MAX_VALUE);
  }

  /** As {@link #words(String)}, counting only up to {@code limit}: whether a text has a minimum of words. */
  public static int words(String text, int limit) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length() && n < limit; i++) {
      boolean w = Chars.isLetterOrDigit(text.charAt(i));
      if (w && !inWord) {
        n++;
      }
      inWord = w;
    }
    return n;
  }

  /**
   * Ends as a sentence or a clause introducing one: a full stop, question or exclamation mark, a
   * closing quote or parenthesis, or a colon.
   */
  static boolean endsSentence(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(text.length() - 1);
    return endsStatement(c) || c == ')' || c == ':';
  }

  /**
   * Ends as a finished statement: a full stop, question or exclamation mark or a closing quote. A
   * label or heading ends in none of these.
   */
  static boolean endsStatement(String text) {
    return !text.isEmpty() && endsStatement(text.charAt(text.length() - 1));
  }

  private static boolean endsStatement(char c) {
    return c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201d' || c == '。' || c == '！' || c == '？';
  }

  /** Has a comma, semicolon or full stop (Latin or CJK): running prose rather than a label. */
  static boolean hasSentencePunctuation(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '.' || c == ';' || c == '，' || c == '、' || c == '。') {
        return true;
      }
    }
    return false;
  }

  /** Commas, Latin and CJK: each is one more clause of running prose. */
  static int commas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }

  static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Chars.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The comparison key of a text: its letters and digits, lower-cased. A headline, a byline or a
   * title matches its repetition in the body whatever the spacing, punctuation and case.
   */
  static String key(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Chars.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}

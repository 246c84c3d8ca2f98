package dev.newsvault.extract;

/**
 * {@link Character}'s classes of a character, answered for ASCII by comparisons instead of the JDK's table
 * look-up (a call chosen by the character's plane, which the launcher's shallow inlining leaves a call in the
 * per-character loops of extraction and hashing). Every answer is {@link Character}'s own.
 */
public final class Chars {

  private Chars() {}

  /** {@link Character#isLetterOrDigit(char)}. */
  public static boolean isLetterOrDigit(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }
    return Character.isLetterOrDigit(c);
  }

  /** {@link Character#isLetter(char)}. */
  public static boolean isLetter(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
    return Character.isLetter(c);
  }

  /** {@link Character#isWhitespace(char)}: in ASCII the space, tab to carriage return, and the four separators. */
  public static boolean isWhitespace(char c) {
    if (c < 0x80) {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c' && c <= '\u001f';
    }
    return Character.isWhitespace(c);
  }
}

package dev.newsvault.extract;

/**
 * {@link Character}'s classes of a character, answered for ASCII by comparisons instead of the JDK's table
 * look-up (a call chosen by the character's plane, which the launcher's shallow inlining leaves a call in the
 * per-character loops of extraction and hashing). Every answer is {@link Character}'s own.
 */
public final class Chars {

  private Chars() {}

  /** {@link Character#isLetterOrDigit(char)}; the dashes and quotes from U+2010 to U+2027 are neither. */
  public static boolean isLetterOrDigit(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }
    return !isTypographic(c) && Character.isLetterOrDigit(c);
  }

  /** {@link Character#isLetter(char)}. */
  public static boolean isLetter(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
    return !isTypographic(c) && Character.isLetter(c);
  }

  /** The dashes, quotes, bullets and ellipsis of English text (U+2010 to U+2027): punctuation all. */
  private static boolean isTypographic(char c) {
    return c >= 0x2010 && c <= 0x2027;
  }

  /**
   * {@link Character#isWhitespace(char)}: below U+1680 (the first space outside ASCII) the space, tab to carriage
   * return and the four separators; none of the zero-width, typographic and bullet characters from U+200B to U+2027.
   */
  public static boolean isWhitespace(char c) {
    if (c < 0x1680) {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c' && c <= '\u001f';
    }
    if (c > 0x200a && c < 0x2028) {
      return false;
    }
    return Character.isWhitespace(c);
  }
}

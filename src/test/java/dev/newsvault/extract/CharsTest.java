package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The ASCII answers are only a shortcut: every character of the Basic Multilingual Plane gets Character's. */
class CharsTest {

  @Test
  void answersAsCharacterDoesForEveryChar() {
    int letters = 0;
    for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      assertEquals(Character.isLetterOrDigit(c), Chars.isLetterOrDigit(c), "letter or digit " + i);
      assertEquals(Character.isLetter(c), Chars.isLetter(c), "letter " + i);
      assertEquals(Character.isWhitespace(c), Chars.isWhitespace(c), "white space " + i);
      letters += Chars.isLetter(c) ? 1 : 0;
    }
    assertEquals(26 * 2, countAscii(), "ASCII letters");
    assertEquals(true, letters > 40_000, "letters in the plane: " + letters);
  }

  private static int countAscii() {
    int n = 0;
    for (char c = 0; c < 0x80; c++) {
      n += Chars.isLetter(c) ? 1 : 0;
    }
    return n;
  }
}

package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The archive's word count: runs of letters or digits as {@link Character} judges them, and its bounded form. */
class WordsTest {

  private static final String ALPHABET = "aZ09 \n\t.,-'_@`[{/:é中ß١٢\u00A0\u2009\u0301Ⅻ½\u2019\u2014";

  /** The count by its definition, one {@link Character#isLetterOrDigit(char)} a character. */
  private static int reference(String text) {
    int n = 0;
    boolean inWord = false;
    for (char c : text.toCharArray()) {
      boolean w = Character.isLetterOrDigit(c);
      n += w && !inWord ? 1 : 0;
      inWord = w;
    }
    return n;
  }

  @Test
  void countsRunsOfLettersAndDigitsOnEveryMixOfCharacters() {
    Random r = new Random(7);
    for (int round = 0; round < 2000; round++) {
      String text = randomText(r, round % 10 == 0 ? 5000 : 60); // some as long as a story
      assertThat(Words.count(text)).as(text).isEqualTo(reference(text));
    }
    for (char c = 0; c < 0x80; c++) {
      String text = "a" + c + "b";
      assertThat(Words.count(text)).as("character %d", (int) c).isEqualTo(reference(text));
    }
    assertThat(Words.count(null)).isZero();
  }

  @Test
  void atLeastAnswersAsTheFullCountWouldForEveryThreshold() {
    Random r = new Random(11);
    for (int round = 0; round < 500; round++) {
      String text = randomText(r, round % 10 == 0 ? 5000 : 80);
      int words = Words.count(text);
      for (int min = -1; min <= words + 2; min += round % 10 == 0 ? 7 : 1) {
        assertThat(Words.atLeast(text, min)).as("%s, at least %d", text, min).isEqualTo(words >= min);
      }
    }
    assertThat(Words.atLeast(null, 0)).isTrue();
    assertThat(Words.atLeast(null, 1)).isFalse();
    assertThat(Words.atLeast("one two three", 3)).isTrue();
    assertThat(Words.atLeast("one two three", 4)).isFalse();
  }

  private static String randomText(Random r, int maxLength) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(maxLength); i > 0; i--) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}

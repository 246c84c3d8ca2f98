package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.extract.TextShape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The archive's word count answers ASCII on its own; it must count exactly as the extractor does. */
class WordsTest {

  private static final String ALPHABET = "aZ09 \n\t.,-'_@`[{/:é中ß١٢\u00A0\u2009\u0301Ⅻ½";

  @Test
  void countsAsTheExtractorDoesOnEveryMixOfCharacters() {
    Random r = new Random(7);
    for (int round = 0; round < 2000; round++) {
      StringBuilder b = new StringBuilder();
      for (int i = r.nextInt(60); i > 0; i--) {
        b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      String text = b.toString();
      assertThat(Words.count(text)).as(text).isEqualTo(TextShape.words(text));
    }
    for (char c = 0; c < 0x80; c++) {
      String text = "a" + c + "b";
      assertThat(Words.count(text)).as("character %d", (int) c).isEqualTo(TextShape.words(text));
    }
    assertThat(Words.count(null)).isZero();
  }
}

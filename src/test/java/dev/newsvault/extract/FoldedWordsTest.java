package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FoldedWordsTest {

  private static final String[] WORDS = {
      "publi", "posted", "veröffentlicht", "mis à jour", "опубликован", "yayınlan", "发布", "게시", "aktualisiert"};

  @Test
  void findsWordsInAnyCaseAnywhere() {
    FoldedWords words = FoldedWords.of(WORDS);
    assertTrue(words.in("Zuletzt VERÖFFENTLICHT am 3. Mai"));
    assertTrue(words.in("Article mis À JOUR le 4 mai"));
    assertTrue(words.in("ОПУБЛИКОВАНО 12.03.2021"));
    assertTrue(words.in("2021年3月12日发布"));
    assertTrue(words.in("RePubLished"));
    assertFalse(words.in("Pub lished on Monday"));
    assertFalse(words.in(""));
  }

  /** The fold is the JDK's: whatever {@code (?iu)a|b|c} finds, the words find, on texts made to trip it. */
  @Test
  void agreesWithTheCaseInsensitiveUnicodePattern() {
    Pattern pattern = Pattern.compile("(?iu)" + String.join("|", WORDS));
    FoldedWords words = FoldedWords.of(WORDS);
    // Pieces of the words, their cases, letters whose case mappings are odd (dotted and dotless i, long s,
    // Kelvin sign, final sigma, German sharp s) and a character outside the Basic Multilingual Plane.
    String[] pieces = {
        "pub", "PUB", "li", "LI", "l\u0130", "l\u0131", "po", "\u017Fted", "sted", "ver", "VERÖ", "ö", "Ö",
        "ffentlicht", "mis", " à ", " À ", "jour", "опу", "ОПУ", "бликован", "yay", "YAY", "ınlan", "INLAN",
        "\u0130nlan", "发", "布", "게", "시", "aktuali", "\u212Aaktualisiert", "siert", "ß", "SS", "σ", "ς", "Σ",
        "\uD83D\uDE00", " ", "x", "7"};
    Random random = new Random(26);
    int found = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(6); k >= 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      boolean expected = pattern.matcher(t).find();
      assertEquals(expected, words.in(t), t);
      found += expected ? 1 : 0;
    }
    assertTrue(found > 500, "the texts hold the words often enough to tell: " + found);
  }

  @Test
  void refusesAWordThatDoesNotFoldToItself() {
    assertThrows(IllegalArgumentException.class, () -> FoldedWords.of(""));
  }
}

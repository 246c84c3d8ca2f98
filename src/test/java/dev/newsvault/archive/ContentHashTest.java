package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Text hashes are stored, so {@link ContentHash#normalize} must give exactly what its definition says, on
 * every kind of text: NFKC, then quotes, dashes and spaces folded, invisible characters dropped, runs of
 * white space made one space, the ends stripped. The definition is written here the plain way and compared
 * with the fast one on text built from the characters that matter.
 */
class ContentHashTest {

  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** The definition, written plainly. */
  private static String definition(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> b.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> b.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> b.append('-');
        case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> { }
        default -> b.append(Character.isSpaceChar(c) ? ' ' : c);
      }
    }
    return SPACE.matcher(b).replaceAll(" ").strip();
  }

  private static final String ALPHABET = "ab Zé\u0065\u0301ﬁ①２\t\n\r\u000B\f\u00A0\u2007\u202F\u3000\u2028\u2029"
      + "\u001C\u001F\u0000\u200B\u200C\u200D\u2060\uFEFF\u00AD‘’‚‛′´`“”„‟″«»‐‑‒–—―−ｶﾞ한글\uD83D\uDE00.";

  @Test
  void theFastFoldingEqualsItsDefinitionOnEveryMixOfTrickyCharacters() {
    Random random = new Random(20261202L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String text = b.toString();
      assertThat(ContentHash.normalize(text)).as("normalize(%s)", text.codePoints()
          .mapToObj(Integer::toHexString).toList()).isEqualTo(definition(text));
    }
  }

  @Test
  void knownFoldings() {
    assertThat(ContentHash.normalize("  “Quoted” — text\u00A0with\u200B soft\u00ADhyphen\n\n"))
        .isEqualTo("\"Quoted\" - text with softhyphen");
    assertThat(ContentHash.normalize("ﬁle ①")).isEqualTo("file 1");
    assertThat(ContentHash.normalize(null)).isEmpty();
    assertThat(ContentHash.ofText("a  b")).isEqualTo(ContentHash.ofText("a b"));
  }
}

package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SimHashes are stored, so the counted-in-bytes voting must give exactly what the definition gives: each word
 * 3-shingle (or each word of a text under three words) votes +1 on every bit its hash sets and -1 on every
 * other, and a bit of the signature is set where the votes are positive. The definition is written here the
 * plain way and compared with the fast one, on texts short and long (past the byte counters' 255 features).
 */
class SimHashTest {

  /** The definition, written plainly. */
  private static long definition(String text) {
    String s = ContentHash.normalize(text).toLowerCase(Locale.ROOT);
    List<Long> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        w.append(c);
      } else if (w.length() > 0) {
        long h = 0xcbf29ce484222325L;
        for (int j = 0; j < w.length(); j++) {
          h = (h ^ w.charAt(j)) * 0x100000001b3L;
        }
        words.add(h);
        w.setLength(0);
      }
    }
    List<Long> features = new ArrayList<>();
    if (words.size() < SimHash.SHINGLE) {
      words.forEach(h -> features.add(SimHash.mix(h)));
    } else {
      for (int i = 0; i + 3 <= words.size(); i++) {
        features.add(SimHash.mix(words.get(i) ^ Long.rotateLeft(words.get(i + 1), 21)
            ^ Long.rotateLeft(words.get(i + 2), 42)));
      }
    }
    int[] votes = new int[64];
    for (long f : features) {
      for (int b = 0; b < 64; b++) {
        votes[b] += ((f >>> b) & 1) != 0 ? 1 : -1;
      }
    }
    long sig = 0;
    for (int b = 0; b < 64; b++) {
      if (votes[b] > 0) {
        sig |= 1L << b;
      }
    }
    return sig;
  }

  private static final String[] WORDS = {"the", "harbour", "Council", "voted", "Straße", "ÉTÉ", "naïve", "2026",
    "ﬁre", "İstanbul", "ΣΟΦΙΑ", "東京", "한글", "x", "a1", "o'clock", "—", "…", "\u00A0",
    "\uD83D\uDE00", "Ab"};

  @Test
  void theCountedVotesEqualTheDefinitionOnTextsOfEveryLength() {
    Random r = new Random(24);
    for (int round = 0; round < 400; round++) {
      int n = round < 40 ? round : r.nextInt(round < 300 ? 600 : 3000);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        text.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(9) == 0 ? ",\n" : " ");
      }
      String t = text.toString();
      assertThat(SimHash.of(t)).as("text of %d words: %s", n, t).isEqualTo(definition(t));
    }
  }

  private static final String[] ASCII_WORDS = {"the", "Harbour", "COUNCIL", "voted", "2026", "x", "A1", "o'clock", "-",
    "Z", "aZ", "[Ab]", "@", "`", "{q}"};

  @Test
  void asciiTextOfMixedCaseGivesTheDefinition() {
    Random r = new Random(25);
    for (int round = 0; round < 400; round++) {
      int n = round < 40 ? round : r.nextInt(600);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        text.append(ASCII_WORDS[r.nextInt(ASCII_WORDS.length)]).append(r.nextInt(9) == 0 ? ",\n" : " ");
      }
      String t = text.toString();
      assertThat(SimHash.of(t)).as("text of %d words: %s", n, t).isEqualTo(definition(t))
          .isEqualTo(SimHash.of(t.toLowerCase(Locale.ROOT)));
    }
  }

  @Test
  void emptyAndWordlessTextsHaveTheZeroSignature() {
    assertThat(SimHash.of("")).isZero();
    assertThat(SimHash.of(" — … ")).isZero();
    assertThat(SimHash.of(null)).isZero();
  }

  /**
   * The words are lower-cased as they are hashed: the premise is that each character's own lower case is the
   * string's, for every char but the three that send a text to {@code String.toLowerCase} whole.
   */
  @Test
  void aCharacterLowerCasedAloneIsLowerCasedAsInAString() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Character.isSurrogate(c) || c == '\u03A3' || c == '\u0130') {
        continue;
      }
      String alone = String.valueOf(c);
      assertThat(String.valueOf(Character.toLowerCase(c))).as("U+%04X", (int) c)
          .isEqualTo(alone.toLowerCase(Locale.ROOT)).isEqualTo(("A" + c + "b").toLowerCase(Locale.ROOT).substring(1, 2));
    }
  }

  @Test
  void wordsLowerCasedAsTheyAreHashedHashAsTheLowerCasedText() {
    char[] alphabet = {'a', 'Z', 'Q', ' ', '\n', ',', '1', '\u00C9', '\u00DF', '\u00B5', '\u00FF', '\u0178', '\u0131',
        '\u03A0', '\u03C2', '\u0416', '\u1E9E', '\u2126', '\u212A', '\u1F88', '\u01C5', '\u6771', '\u2019', '\'',
        '\u0130', '\u03A3', '\uD801', '\uDC00', '\uD83D', '\uDE00'};
    Random r = new Random(26);
    for (int round = 0; round < 20_000; round++) {
      char[] text = new char[r.nextInt(40)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[r.nextInt(round % 2 == 0 ? 24 : alphabet.length)]; // even rounds: none lower-cased whole
      }
      String t = new String(text);
      assertThat(SimHash.lowerCaseWordHashes(t)).as("words of \"%s\"", t)
          .isEqualTo(SimHash.wordHashes(t.toLowerCase(Locale.ROOT)));
    }
  }
}

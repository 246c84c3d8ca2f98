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
}

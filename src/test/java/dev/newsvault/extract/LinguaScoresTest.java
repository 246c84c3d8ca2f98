package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import it.unimi.dsi.fastutil.longs.Long2FloatMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LinguaScores} must give Lingua's own confidence values, bit for bit and in Lingua's order, and
 * the language Lingua's {@code detectLanguageOf} names, on every text: prose-like text in each
 * language, mixtures of languages and alphabets, and the edge cases of Lingua's rules.
 */
class LinguaScoresTest {

  /** Lingua's own scoring path over the same installed models (which {@code NgramTableTest} checks). */
  private static final LanguageDetector LINGUA = TextLanguage.lingua();
  private static final LinguaScores SCORES = TextLanguage.scores();

  @Test
  void givesLinguasConfidenceValuesOnThousandsOfTexts() {
    Random random = new Random(7);
    Map<Language, long[]> trigrams = new EnumMap<>(Language.class);
    for (Language language : TextLanguage.LANGUAGES) {
      Long2FloatMap model = LinguaModels.read(language, 3);
      trigrams.put(language, model.keySet().toLongArray());
    }
    List<String> texts = new ArrayList<>(List.of(
        "", "   ", "12345 678", "a", "ab", "abc", "—", "Menu", "The", "東京", "東京都は二日、新しい防災計画を発表した。",
        "Москва", "Привет, как дела?", "שלום עולם", "مرحبا بالعالم", "नमस्ते दुनिया", "Ελληνικά κείμενα",
        "The committee met on Tuesday to discuss the budget and agreed to publish its report next week.",
        "Le conseil municipal a adopté mardi soir le budget de l'année prochaine.",
        "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen",
        "El ayuntamiento aprobó ayer el nuevo plan de movilidad", "Ñandú ñoño", "Ærø ø å", "ß ẞ ğ ı İ",
        "Hà Nội đã công bố kế hoạch mới", "Świat się zmienia, ale źle", "Ελλάδα and England"));
    Language[] languages = TextLanguage.LANGUAGES;
    for (int t = 0; t < 3_000; t++) {
      Language main = languages[random.nextInt(languages.length)];
      int words = 1 + random.nextInt(random.nextBoolean() ? 6 : 30);
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          text.append(random.nextInt(8) == 0 ? ", " : " ");
        }
        int kind = random.nextInt(20);
        Language language = kind == 0 ? languages[random.nextInt(languages.length)] : main;
        if (kind == 1) {
          text.append(random.nextInt(10_000));
          continue;
        }
        long[] pool = trigrams.get(language);
        int pieces = 1 + random.nextInt(3);
        for (int p = 0; p < pieces && pool.length > 0; p++) {
          long key = pool[random.nextInt(pool.length)];
          String trigram = "" + (char) (key >>> 32) + (char) (key >>> 16) + (char) key;
          text.append(kind == 2 ? trigram.toUpperCase(java.util.Locale.ROOT) : trigram, 0,
              kind == 3 ? 1 + random.nextInt(3) : 3);
        }
      }
      if (random.nextInt(4) == 0) {
        text.append('.');
      }
      texts.add(text.toString());
    }
    int answered = 0;
    int unsure = 0;
    for (String text : texts) {
      List<LinguaScores.Ranked> theirs = assertSameAsLingua(text);
      answered += LINGUA.detectLanguageOf(text) == Language.UNKNOWN ? 0 : 1;
      unsure += theirs.size() > 1 ? 1 : 0;
    }
    // The generated texts reach Lingua's scoring, not only its rules, and mostly get an answer.
    assertTrue(unsure > texts.size() / 2, unsure + " of " + texts.size() + " texts scored");
    assertTrue(answered > texts.size() / 2, answered + " of " + texts.size() + " texts answered");
  }

  /** Asserts that LinguaScores gives Lingua's confidence values and answer for the text; returns Lingua's values. */
  private static List<LinguaScores.Ranked> assertSameAsLingua(String text) {
    List<LinguaScores.Ranked> ours = SCORES.confidences(text);
    List<LinguaScores.Ranked> theirs = new ArrayList<>();
    LINGUA.computeLanguageConfidenceValues(text).forEach((l, c) -> theirs.add(new LinguaScores.Ranked(l, c)));
    assertEquals(theirs.size(), ours.size(), () -> "\"" + text + "\": " + theirs + " against " + ours);
    for (int i = 0; i < theirs.size(); i++) {
      LinguaScores.Ranked a = theirs.get(i);
      LinguaScores.Ranked b = ours.get(i);
      int at = i;
      assertEquals(a.language(), b.language(), () -> "\"" + text + "\" rank " + at + ": " + theirs + " against " + ours);
      assertEquals(Double.doubleToRawLongBits(a.confidence()), Double.doubleToRawLongBits(b.confidence()),
          () -> "\"" + text + "\" rank " + at + ": " + theirs + " against " + ours);
    }
    assertEquals(LINGUA.detectLanguageOf(text), SCORES.mostLikely(ours), () -> "\"" + text + "\": " + theirs);
    return theirs;
  }

  /** Characters whose clean-up is at stake: every ASCII one, and Unicode white space, punctuation, numbers, cases. */
  private static final String CLEAN_UP_POOL;

  static {
    StringBuilder pool = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      pool.append(c);
    }
    pool.append("\u0085\u00A0\u1680\u2000\u2007\u200A\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF")
        .append("\u00A1\u00AB\u00BB\u00BF\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u3001\u3002\u061F\u060C")
        .append("\u00B2\u00BD\u0660\u0966\u2160\u2460\uFF11\u00A9\u00AE\u20AC\u00B0")
        .append("\u00C9\u00E9\u00DF\u1E9E\u0130\u0131\u03A3\u03C2\u0416\u05D0\u0627\u4E2D\u3042\u00C5\u01C5");
    CLEAN_UP_POOL = pool.toString();
  }

  @Test
  void cleansTextUpAsLinguaDoes() {
    Random random = new Random(11);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        text.append(random.nextInt(3) == 0 ? (char) ('a' + random.nextInt(26))
            : CLEAN_UP_POOL.charAt(random.nextInt(CLEAN_UP_POOL.length())));
      }
      String s = text.toString();
      assertEquals(LINGUA.cleanUpInputText$lingua(s), LinguaScores.cleanUp(s), () -> "\"" + s + "\"");
    }
    // A surrogate pair is left to Lingua's clean-up, which judges its code point whole.
    assertNull(LinguaScores.cleanUp("a \uD835\uDC00 b"));
  }

  @Test
  void plainLatinTextTakesTheShortPathWithLinguasValues() {
    Random random = new Random(13);
    // English trigrams of the letters a to z, and French ones as they come (accents take Lingua's path)
    long[] english = java.util.Arrays.stream(LinguaModels.read(Language.ENGLISH, 3).keySet().toLongArray())
        .filter(k -> isPlain((char) (k >>> 32)) && isPlain((char) (k >>> 16)) && isPlain((char) k)).toArray();
    long[] french = LinguaModels.read(Language.FRENCH, 3).keySet().toLongArray();
    String[] between = {" ", " ", " ", ", ", ". ", " \u2014 ", " 42 ", "\u2019s ", " \u201C", "\u201D ", "\n", " (", ") ",
        "\t"};
    String[] symbols = {" $5 ", " a+b ", " <i> ", " x|y "};
    int plain = 0;
    int total = 2_000;
    for (int t = 0; t < total; t++) {
      long[] pool = random.nextInt(5) == 0 ? french : english;
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : "  ");
      int words = 1 + random.nextInt(random.nextBoolean() ? 4 : 25);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          text.append(t % 10 == 0 && w == 1 ? symbols[random.nextInt(symbols.length)]
              : between[random.nextInt(between.length)]);
        }
        for (int p = 0, pieces = 1 + random.nextInt(3); p < pieces; p++) {
          long key = pool[random.nextInt(pool.length)];
          String trigram = "" + (char) (key >>> 32) + (char) (key >>> 16) + (char) key;
          text.append(random.nextInt(6) == 0 ? trigram.toUpperCase(java.util.Locale.ROOT) : trigram);
        }
      }
      String s = text.append(random.nextBoolean() ? "." : "").toString();
      plain += LinguaScores.isPlainLatin(LinguaScores.cleanUp(s)) ? 1 : 0;
      assertSameAsLingua(s);
    }
    // Most of these texts are plain Latin after clean-up (the short path), and some are not (Lingua's path).
    assertTrue(plain > total / 2 && plain < total, plain + " of " + total + " plain");
    for (String s : List.of("ab", "ab cd", "the", " a ", "x", "The cat sat.", "THE END", "zzz qqq", "a-b-c")) {
      assertSameAsLingua(s);
    }
  }

  private static boolean isPlain(char c) {
    return c >= 'a' && c <= 'z';
  }

  @Test
  void refusesLinguasHighAccuracyMode() {
    LanguageDetector highAccuracy = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.GERMAN).build();
    assertThrows(IllegalArgumentException.class, () -> new LinguaScores(highAccuracy));
  }
}

package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
      Language detected = LINGUA.detectLanguageOf(text);
      assertEquals(detected, SCORES.mostLikely(ours), () -> "\"" + text + "\": " + theirs);
      answered += detected == Language.UNKNOWN ? 0 : 1;
      unsure += theirs.size() > 1 ? 1 : 0;
    }
    // The generated texts reach Lingua's scoring, not only its rules, and mostly get an answer.
    assertTrue(unsure > texts.size() / 2, unsure + " of " + texts.size() + " texts scored");
    assertTrue(answered > texts.size() / 2, answered + " of " + texts.size() + " texts answered");
  }

  @Test
  void refusesLinguasHighAccuracyMode() {
    LanguageDetector highAccuracy = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.GERMAN).build();
    assertThrows(IllegalArgumentException.class, () -> new LinguaScores(highAccuracy));
  }
}

package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The merged n-gram table must answer every lookup exactly as Lingua's own model does: Lingua
 * reads its models through {@code getFloat} alone, so equal answers for every key (present,
 * another language's, random) mean equal detections.
 */
class NgramTableTest {

  /** Groups as Lingua compares them: languages of one alphabet, and single-language scripts. */
  private static final List<List<Language>> GROUPS = List.of(
      List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.VIETNAMESE, Language.TURKISH,
          Language.POLISH),
      List.of(Language.RUSSIAN, Language.UKRAINIAN, Language.BULGARIAN),
      List.of(Language.ARABIC, Language.PERSIAN, Language.URDU),
      List.of(Language.JAPANESE),
      List.of(Language.CHINESE),
      List.of(Language.KOREAN),
      List.of(Language.THAI));

  @Test
  void everyLookupAnswersAsLinguasOwnModelDoes() {
    Random random = new Random(42);
    for (List<Language> group : GROUPS) {
      for (int length = 1; length <= 3; length++) {
        List<Object2FloatMap<String>> models = new ArrayList<>();
        for (Language language : group) {
          models.add(LinguaModels.read(language, length));
        }
        NgramTable table = NgramTable.of(models);
        // Keys of every model of the group, plus random strings from the group's characters.
        List<String> probes = new ArrayList<>();
        models.forEach(m -> probes.addAll(m.keySet()));
        String letters = String.join("", probes.subList(0, Math.min(probes.size(), 400)));
        for (int i = 0; i < 5_000 && !letters.isEmpty(); i++) {
          int n = random.nextInt(6);
          StringBuilder s = new StringBuilder();
          for (int j = 0; j < n; j++) {
            s.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : letters.charAt(random.nextInt(letters.length())));
          }
          probes.add(s.toString());
        }
        for (int i = 0; i < group.size(); i++) {
          Object2FloatMap<String> model = models.get(i);
          Object2FloatMap<String> view = table.view(i);
          String where = group.get(i) + " " + length + "-grams";
          assertEquals(model.size(), view.size(), where);
          for (String probe : probes) {
            assertEquals(Float.floatToRawIntBits(model.getFloat(probe)), Float.floatToRawIntBits(view.getFloat(probe)),
                where + ": \"" + probe + "\"");
            assertEquals(model.containsKey(probe), view.containsKey(probe), where + ": \"" + probe + "\"");
          }
          Map<String, Float> expected = new HashMap<>(model);
          assertEquals(expected, new HashMap<>(view), where);
        }
      }
    }
  }

  @Test
  void aLanguageMissingAnNgramSharedByOthersGetsNothingForIt() {
    Object2FloatMap<String> a = new Object2FloatOpenHashMap<>(Map.of("abc", 0.5f, "bcd", 0.25f));
    Object2FloatMap<String> b = new Object2FloatOpenHashMap<>(Map.of("bcd", 0.125f));
    Object2FloatMap<String> c = new Object2FloatOpenHashMap<>(Map.of("abc", 0.75f, "bcd", 1f));
    NgramTable table = NgramTable.of(List.of(a, b, c));
    assertEquals(0.5f, table.view(0).getFloat("abc"));
    assertEquals(0f, table.view(1).getFloat("abc"));
    assertEquals(0.75f, table.view(2).getFloat("abc"));
    assertEquals(0.125f, table.view(1).getFloat("bcd"));
    assertEquals(1f, table.view(2).getFloat("bcd"));
    assertEquals(0f, table.view(0).getFloat("abcd"));
    assertEquals(0f, table.view(0).getFloat(""));
    assertEquals(0f, table.view(0).getFloat(42));
    assertEquals(Set.of("bcd"), table.view(1).keySet());
  }

  @Test
  void keysItCannotHoldAndTooManyLanguagesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> NgramTable.of(List.of(new Object2FloatOpenHashMap<>(Map.of("abcd", 0.5f)))));
    assertThrows(IllegalArgumentException.class,
        () -> NgramTable.of(List.of(new Object2FloatOpenHashMap<>(Map.of("", 0.5f)))));
    List<Object2FloatMap<String>> many = IntStream.range(0, 65)
        .mapToObj(i -> (Object2FloatMap<String>) new Object2FloatOpenHashMap<String>()).toList();
    assertThrows(IllegalArgumentException.class, () -> NgramTable.of(many));
  }

  @Test
  void linguaReadsTheTablesOnceTheDetectorIsBuilt() {
    assertEquals("en", TextLanguage.detect(
        "The committee met on Tuesday to discuss the budget and agreed to publish its report next week."));
    Object2FloatMap<String> english = LanguageDetector.Companion.getTrigramLanguageModels$lingua().get(Language.ENGLISH);
    assertSame(LinguaModels.class, english.getClass().getEnclosingClass(),
        "Lingua no longer reads the installed models: its internals changed, see LinguaModels");
    assertTrue(english.getFloat("the") > 0);
  }
}

package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.TrainingDataLanguageModel;
import it.unimi.dsi.fastutil.longs.Long2FloatMap;
import it.unimi.dsi.fastutil.longs.Long2FloatOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatOpenHashMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /** Every table newsvault builds: the languages it detects, grouped as it groups them. */
  @Test
  void everyLookupAnswersAsLinguasOwnModelDoes() {
    Random random = new Random(42);
    List<List<Language>> groups = LinguaModels.groups(TextLanguage.LANGUAGES);
    assertTrue(groups.size() > 5, "one group per alphabet: " + groups);
    for (List<Language> group : groups) {
      for (int length = 1; length <= 3; length++) {
        // Lingua's own reading of its files, and newsvault's table of the same files.
        List<Object2FloatMap<String>> models = new ArrayList<>();
        List<Long2FloatMap> packed = new ArrayList<>();
        for (Language language : group) {
          models.add(linguasOwnReading(language, length));
          packed.add(LinguaModels.read(language, length));
        }
        NgramTable table = NgramTable.of(packed);
        // Other languages' n-grams (mostly absent from a given language's model) and random strings
        // of the group's characters, of every length from 0 to 5, some with characters from elsewhere.
        List<String> union = new ArrayList<>();
        models.forEach(m -> union.addAll(m.keySet()));
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 3_000 && !union.isEmpty(); i++) {
          probes.add(union.get(random.nextInt(union.size())));
        }
        String letters = String.join("", union.subList(0, Math.min(union.size(), 400)));
        for (int i = 0; i < 2_000 && !letters.isEmpty(); i++) {
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
          List<String> own = new ArrayList<>(model.keySet());
          own.addAll(probes);
          for (String probe : own) {
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

  private static Object2FloatMap<String> linguasOwnReading(Language language, int length) {
    try (InputStream in = Language.class.getResourceAsStream(LinguaModels.path(language, length))) {
      return in == null ? new Object2FloatOpenHashMap<>() : TrainingDataLanguageModel.Companion.fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tables the build writes (and every run reads) are the tables made from Lingua's files. */
  @Test
  void theBuildsTablesAreTheTablesOfLinguasModels() {
    for (List<Language> group : LinguaModels.groups(TextLanguage.LANGUAGES)) {
      for (int length = 1; length <= 3; length++) {
        NgramTable built = LinguaModels.precomputed(group, length);
        String name = LinguaModels.tableName(group, length);
        assertNotNull(built, name + " is not in the classes: the build's exec step did not run");
        assertTrue(built.sameAs(LinguaModels.fromModels(group, length)), name);
      }
    }
  }

  @Test
  void aTableReadsBackAsWrittenAndADamagedOneIsRefused() throws IOException {
    Object2FloatMap<String> a = new Object2FloatOpenHashMap<>(Map.of("abc", 0.5f, "bcd", 0.25f, "é", 0.125f));
    Object2FloatMap<String> b = new Object2FloatOpenHashMap<>(Map.of("bcd", 0.75f));
    NgramTable table = NgramTable.of(List.of(NgramTable.packed(a), NgramTable.packed(b)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.write(new DataOutputStream(bytes));
    NgramTable read = NgramTable.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertTrue(read.sameAs(table));
    assertEquals(0.75f, read.view(1).getFloat("bcd"));
    assertEquals(0.125f, read.view(0).getFloat("é"));
    assertFalse(read.sameAs(NgramTable.of(List.of(NgramTable.packed(b), NgramTable.packed(a)))));

    byte[] damaged = bytes.toByteArray().clone();
    damaged[0] ^= 1;
    assertThrows(IOException.class, () -> NgramTable.read(new DataInputStream(new ByteArrayInputStream(damaged))));
    byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 3);
    assertThrows(IOException.class, () -> NgramTable.read(new DataInputStream(new ByteArrayInputStream(cut))));
  }

  @Test
  void aLanguageMissingAnNgramSharedByOthersGetsNothingForIt() {
    Object2FloatMap<String> a = new Object2FloatOpenHashMap<>(Map.of("abc", 0.5f, "bcd", 0.25f));
    Object2FloatMap<String> b = new Object2FloatOpenHashMap<>(Map.of("bcd", 0.125f));
    Object2FloatMap<String> c = new Object2FloatOpenHashMap<>(Map.of("abc", 0.75f, "bcd", 1f));
    NgramTable table = NgramTable.of(List.of(NgramTable.packed(a), NgramTable.packed(b), NgramTable.packed(c)));
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
        () -> NgramTable.packed(new Object2FloatOpenHashMap<>(Map.of("abcd", 0.5f))));
    assertThrows(IllegalArgumentException.class,
        () -> NgramTable.packed(new Object2FloatOpenHashMap<>(Map.of("", 0.5f))));
    assertThrows(IllegalArgumentException.class,
        () -> NgramTable.of(List.of(new Long2FloatOpenHashMap(Map.of(0L, 0.5f)))));
    List<Long2FloatMap> many = IntStream.range(0, 65)
        .mapToObj(i -> (Long2FloatMap) new Long2FloatOpenHashMap()).toList();
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

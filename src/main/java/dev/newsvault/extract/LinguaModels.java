package dev.newsvault.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import it.unimi.dsi.fastutil.longs.Long2FloatMap;
import it.unimi.dsi.fastutil.longs.Long2FloatOpenHashMap;
import it.unimi.dsi.fastutil.objects.AbstractObject2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands Lingua its 1-, 2- and 3-gram models as views of {@link NgramTable}s, one table per alphabet
 * and n-gram length, which answer the same lookups at a fraction of the cost of the maps Lingua
 * would load itself (see {@link NgramTable} for why).
 *
 * <p>Lingua 1.2.2, its last JVM release, keeps every detector's models in static maps, one per
 * n-gram length, and loads a language's model into them on its first lookup unless one is there
 * already. {@link #install} puts a view there for each language first; the first lookup in any
 * language of a group reads the whole group's models from Lingua's own files and merges them. They
 * are read straight into packed keys (Lingua's reader would first make a {@code String} of each of
 * the hundreds of thousands of n-grams), which makes the first detection in a process no slower than
 * Lingua's own loading. The models' contents, the order of lookups and the scoring stay Lingua's,
 * so every answer is unchanged. The maps are reached through Lingua's {@code internal} accessors
 * (public in its bytecode): the version is pinned in the pom, and {@code NgramTableTest} fails if a
 * new version stops reading the installed views.
 *
 * <p>Only the low-accuracy mode's lengths are installed: a trigram's lookup falls back to its
 * bigram and unigram. Longer n-grams are read by the high-accuracy mode only, which newsvault
 * does not use.
 */
final class LinguaModels {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LinguaModels.class);

  /** Field names here are thousands of distinct fractions: not worth interning. */
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

  private LinguaModels() {}

  /**
   * Installs, for each language and n-gram length 1 to 3, a view of one table of the models of all
   * languages written in the same alphabets: Lingua only ever compares languages that share the
   * text's alphabet, so a Latin text never loads the Cyrillic models.
   */
  static void install(Language... languages) {
    LanguageDetector.Companion lingua = LanguageDetector.Companion;
    for (List<Language> group : groups(languages)) {
      Tables[] tables = {new Tables(group, 1), new Tables(group, 2), new Tables(group, 3)};
      install(lingua.getUnigramLanguageModels$lingua(), tables[0]);
      install(lingua.getBigramLanguageModels$lingua(), tables[1]);
      install(lingua.getTrigramLanguageModels$lingua(), tables[2]);
      for (int i = 0; i < group.size(); i++) {
        PLACES.put(group.get(i), new Place(tables, i));
      }
    }
  }

  /** Where each installed language's models are, for {@link LinguaScores}. */
  private static final Map<Language, Place> PLACES = new ConcurrentHashMap<>();

  /**
   * A language's models: the tables of its alphabet group, by n-gram length (index 0 for unigrams),
   * shared by every language of the group, and the language's index in them.
   */
  record Place(Tables[] tables, int index) {
    /** The group's table of n-grams of {@code length} (1 to 3), read on first use. */
    NgramTable table(int length) {
      return tables[length - 1].table();
    }
  }

  /** Where {@link #install} put {@code language}'s models; fails for a language it was not given. */
  static Place place(Language language) {
    Place place = PLACES.get(language);
    if (place == null) {
      throw new IllegalStateException("no language model installed for " + language);
    }
    return place;
  }

  /** The languages grouped by the alphabets Lingua gives them, in first-seen order. */
  static List<List<Language>> groups(Language... languages) {
    Map<Set<?>, List<Language>> groups = new LinkedHashMap<>();
    for (Language language : languages) {
      groups.computeIfAbsent(language.getAlphabets$lingua(), a -> new ArrayList<>()).add(language);
    }
    return List.copyOf(groups.values());
  }

  private static void install(EnumMap<Language, Object2FloatMap<String>> models, Tables tables) {
    synchronized (models) { // the lock Lingua takes around these maps
      for (int i = 0; i < tables.languages.size(); i++) {
        models.put(tables.languages.get(i), new Lazy(tables, i));
      }
    }
  }

  /**
   * Lingua's model file for a language and n-gram length, keys {@linkplain NgramTable#pack packed};
   * empty if there is none. The file is one JSON object whose {@code ngrams} map a frequency written
   * as a fraction ("3/95") to the n-grams that have it, separated by spaces; each frequency is
   * computed as Lingua computes it (the numerator as a float divided by the integer denominator), and
   * {@code NgramTableTest} checks every entry against Lingua's own reader.
   */
  static Long2FloatMap read(Language language, int length) {
    String path = path(language, length);
    Long2FloatOpenHashMap model = new Long2FloatOpenHashMap();
    try (InputStream in = Language.class.getResourceAsStream(path)) {
      if (in == null) {
        return model;
      }
      try (JsonParser json = JSON.createParser(in)) {
        expect(json.nextToken() == JsonToken.START_OBJECT, path);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String field = json.currentName();
          json.nextToken();
          if (!field.equals("ngrams")) {
            json.skipChildren();
            continue;
          }
          expect(json.currentToken() == JsonToken.START_OBJECT, path);
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String fraction = json.currentName();
            int slash = fraction.indexOf('/');
            expect(slash > 0 && json.nextToken() == JsonToken.VALUE_STRING, path);
            float frequency = Float.parseFloat(fraction.substring(0, slash))
                / Integer.parseInt(fraction.substring(slash + 1));
            String ngrams = json.getText();
            for (int from = 0; from <= ngrams.length(); ) {
              int to = ngrams.indexOf(' ', from);
              to = to < 0 ? ngrams.length() : to;
              model.put(NgramTable.packOrThrow(ngrams.substring(from, to)), frequency);
              from = to + 1;
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("could not read Lingua's language model " + path + ": " + e.getMessage(), e);
    }
    return model;
  }

  /** Where the build puts the tables it made from Lingua's models (see {@link NgramTableFiles}). */
  static final String TABLES = "/dev/newsvault/extract/ngram-tables/";

  /** The table of {@code languages}' n-grams of {@code length}, made from Lingua's model files. */
  static NgramTable fromModels(List<Language> languages, int length) {
    return NgramTable.of(languages.stream().map(l -> read(l, length)).toList());
  }

  /**
   * The table the build made for these languages and length, or null when there is none (a build that
   * skipped the step, other languages). Reading it takes a fraction of the time of making it from Lingua's
   * JSON files: the first detection in a process no longer waits for that.
   */
  static NgramTable precomputed(List<Language> languages, int length) {
    try (InputStream in = LinguaModels.class.getResourceAsStream(TABLES + tableName(languages, length))) {
      if (in == null) {
        return null;
      }
      NgramTable table = NgramTable.read(new DataInputStream(new BufferedInputStream(in, 1 << 16)));
      if (table.languages() != languages.size()) {
        throw new IOException("it holds " + table.languages() + " languages, not " + languages.size());
      }
      return table;
    } catch (IOException | RuntimeException e) {
      // A damaged jar: the same table is made from Lingua's files instead, only slower.
      LOG.warn("cannot read the n-gram table {} in newsvault's jar ({}); making it from Lingua's models instead"
          + " - rebuild the jar (mvn package) to start faster", tableName(languages, length), e.toString());
      return null;
    }
  }

  /** The table's file name: its languages' ISO 639-1 codes in group order, and the n-gram length. */
  static String tableName(List<Language> languages, int length) {
    StringBuilder name = new StringBuilder();
    for (Language language : languages) {
      name.append(language.getIsoCode639_1().name().toLowerCase(java.util.Locale.ROOT)).append('-');
    }
    return name.append(length).append(".bin").toString();
  }

  /** Where Lingua keeps a language's n-gram model of one length. */
  static String path(Language language, int length) {
    String name = switch (length) {
      case 1 -> "unigrams";
      case 2 -> "bigrams";
      case 3 -> "trigrams";
      default -> throw new IllegalArgumentException("n-gram length " + length + " is not 1, 2 or 3");
    };
    return "/language-models/" + language.getIsoCode639_1() + "/" + name + ".json";
  }

  private static void expect(boolean condition, String path) {
    if (!condition) {
      throw new IllegalStateException("unexpected layout of Lingua's language model " + path);
    }
  }

  /** The table of one n-gram length for a set of languages, read on first use. */
  static final class Tables {
    private final List<Language> languages;
    private final int length;
    private volatile NgramTable table;

    Tables(List<Language> languages, int length) {
      this.languages = List.copyOf(languages);
      this.length = length;
    }

    NgramTable table() {
      NgramTable t = table;
      if (t == null) {
        synchronized (this) {
          t = table;
          if (t == null) {
            t = precomputed(languages, length);
            if (t == null) {
              t = fromModels(languages, length);
            }
            table = t;
          }
        }
      }
      return t;
    }
  }

  /** One language's model: a view of its table, which is built on the first lookup. */
  private static final class Lazy extends AbstractObject2FloatMap<String> {
    private static final long serialVersionUID = 1L;
    private final Tables tables;
    private final int index;
    private volatile Object2FloatMap<String> model;

    Lazy(Tables tables, int index) {
      this.tables = tables;
      this.index = index;
    }

    private Object2FloatMap<String> model() {
      Object2FloatMap<String> m = model;
      if (m == null) {
        m = tables.table().view(index);
        model = m;
      }
      return m;
    }

    @Override
    public float getFloat(Object ngram) {
      return model().getFloat(ngram);
    }

    @Override
    public boolean containsKey(Object ngram) {
      return model().containsKey(ngram);
    }

    @Override
    public int size() {
      return model().size();
    }

    @Override
    public ObjectSet<Object2FloatMap.Entry<String>> object2FloatEntrySet() {
      return model().object2FloatEntrySet();
    }
  }
}

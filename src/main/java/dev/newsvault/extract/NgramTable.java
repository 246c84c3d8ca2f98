package dev.newsvault.extract;

import it.unimi.dsi.fastutil.longs.Long2FloatMap;
import it.unimi.dsi.fastutil.longs.Long2FloatOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.AbstractObject2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.ObjectArraySet;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The n-gram models of up to 64 languages for one n-gram length (1 to 3), merged into one table in
 * which each n-gram is stored once, with the frequencies of all languages that have it side by
 * side. {@link #view} gives one language's model back as the map Lingua reads, answering every
 * lookup exactly as the model it was built from.
 *
 * <p>Why: Lingua scores a text one language at a time, looking each of the text's n-grams up in
 * that language's own map, so a text of a hundred trigrams costs a hundred lookups in each of the
 * 28 Latin-script languages, scattered over 28 tables far larger than the processor's caches. Its
 * maps are also keyed by {@code String}, so a miss (most lookups are misses) compares keys along
 * the probe sequence, a pointer chase each. In the extraction benchmark those lookups were a
 * quarter of all extraction time. Here the first language's lookup of an n-gram brings its slot
 * and frequencies into the cache, and every other language's lookup of it is a cache hit; keys
 * are the n-gram's characters packed into a {@code long}, so a probe compares numbers.
 *
 * <p>Layout: a fastutil map, at most half full, from the packed n-gram to its row; per row a bit set
 * of the languages that have the n-gram and the offset of their frequencies, in language order, in
 * one {@code float} array. Immutable.
 */
final class NgramTable {

  /** Packed n-gram to its row; -1 for an n-gram no language has. */
  private final Long2IntOpenHashMap rows;
  /** Per row: the languages that have the n-gram, as a bit set. */
  private final long[] present;
  /** Per row: where the first of those languages' frequencies is in {@link #values}. */
  private final int[] offsets;
  private final float[] values;
  /** Per value: its natural logarithm as Lingua adds it up, {@code (float) Math.log(value)}; taken once, when built or read. */
  private final float[] logs;
  private final int languages;

  private NgramTable(Long2IntOpenHashMap rows, long[] present, int[] offsets, float[] values, int languages) {
    this.rows = rows;
    this.present = present;
    this.offsets = offsets;
    this.values = values;
    this.logs = new float[values.length];
    this.languages = languages;
  }

  /**
   * One table of {@code models} (language {@code i} is {@code models.get(i)}), keyed by n-grams
   * {@linkplain #pack packed}.
   */
  static NgramTable of(List<? extends Long2FloatMap> models) {
    if (models.size() > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 languages per table, not " + models.size());
    }
    Long2LongOpenHashMap languagesOf = new Long2LongOpenHashMap();
    for (int language = 0; language < models.size(); language++) {
      for (long key : models.get(language).keySet()) {
        if (key == 0) {
          throw new IllegalArgumentException("0 is not a packed n-gram");
        }
        languagesOf.put(key, languagesOf.get(key) | 1L << language);
      }
    }
    Long2IntOpenHashMap rows = new Long2IntOpenHashMap(languagesOf.size(), 0.5f);
    rows.defaultReturnValue(-1);
    long[] present = new long[languagesOf.size()];
    int[] offsets = new int[languagesOf.size()];
    int row = 0;
    int count = 0;
    for (Long2LongMap.Entry e : languagesOf.long2LongEntrySet()) {
      rows.put(e.getLongKey(), row);
      present[row] = e.getLongValue();
      offsets[row] = count;
      count += Long.bitCount(e.getLongValue());
      row++;
    }
    NgramTable table = new NgramTable(rows, present, offsets, new float[count], models.size());
    for (int language = 0; language < models.size(); language++) {
      for (Long2FloatMap.Entry e : models.get(language).long2FloatEntrySet()) {
        table.values[table.index(language, e.getLongKey())] = e.getFloatValue();
      }
    }
    table.takeLogs();
    return table;
  }

  /** The file format's first int: "NGT" and its version. */
  private static final int MAGIC = 0x4E475401;

  /**
   * Writes the table as {@link #read} reads it: the number of rows and of languages, each row's packed
   * n-gram and its set of languages in row order, then every frequency. The rest (where each row's
   * frequencies start, the logarithms) follows from these.
   */
  void write(DataOutputStream out) throws IOException {
    int n = present.length;
    long[] keys = new long[n];
    for (Long2IntMap.Entry e : rows.long2IntEntrySet()) {
      keys[e.getIntValue()] = e.getLongKey();
    }
    out.writeInt(MAGIC);
    out.writeInt(n);
    out.writeInt(languages);
    out.writeInt(values.length);
    for (int row = 0; row < n; row++) {
      out.writeLong(keys[row]);
      out.writeLong(present[row]);
    }
    for (float v : values) {
      out.writeFloat(v);
    }
  }

  /** A table {@link #write} wrote; fails on anything else. */
  static NgramTable read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not an n-gram table, or one of another version");
    }
    int n = in.readInt();
    int languages = in.readInt();
    int count = in.readInt();
    if (n < 0 || count < 0 || languages < 1 || languages > Long.SIZE) {
      throw new IOException("damaged n-gram table: " + n + " rows, " + languages + " languages, " + count + " values");
    }
    Long2IntOpenHashMap rows = new Long2IntOpenHashMap(n, 0.5f);
    rows.defaultReturnValue(-1);
    long[] present = new long[n];
    int[] offsets = new int[n];
    int offset = 0;
    for (int row = 0; row < n; row++) {
      long key = in.readLong();
      present[row] = in.readLong();
      boolean beyond = languages < Long.SIZE && present[row] >>> languages != 0;
      if (key == 0 || present[row] == 0 || beyond || rows.put(key, row) != -1) {
        throw new IOException("damaged n-gram table at row " + row);
      }
      offsets[row] = offset;
      offset += Long.bitCount(present[row]);
    }
    if (offset != count) {
      throw new IOException("damaged n-gram table: " + offset + " frequencies named, " + count + " stored");
    }
    NgramTable table = new NgramTable(rows, present, offsets, new float[count], languages);
    for (int i = 0; i < count; i++) {
      table.values[i] = in.readFloat();
    }
    table.takeLogs();
    return table;
  }

  /** How many languages the table holds. */
  int languages() {
    return languages;
  }

  /** Whether {@code other} holds the same rows, languages and frequencies. */
  boolean sameAs(NgramTable other) {
    if (languages != other.languages || values.length != other.values.length || !rows.equals(other.rows)
        || !Arrays.equals(present, other.present) || !Arrays.equals(offsets, other.offsets)) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (Float.floatToRawIntBits(values[i]) != Float.floatToRawIntBits(other.values[i])
          || Float.floatToRawIntBits(logs[i]) != Float.floatToRawIntBits(other.logs[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code model} with its keys packed; they must be strings of one to three characters. */
  static Long2FloatMap packed(Object2FloatMap<String> model) {
    Long2FloatOpenHashMap packed = new Long2FloatOpenHashMap(model.size());
    for (Object2FloatMap.Entry<String> e : model.object2FloatEntrySet()) {
      packed.put(packOrThrow(e.getKey()), e.getFloatValue());
    }
    return packed;
  }

  /** {@link #pack}, refusing what it cannot hold. */
  static long packOrThrow(String ngram) {
    long key = pack(ngram);
    if (key == 0) {
      throw new IllegalArgumentException("not an n-gram of 1 to 3 characters: \"" + ngram + "\"");
    }
    return key;
  }

  /** The length and characters of a 1- to 3-character string in one nonzero long; 0 for any other. */
  static long pack(String ngram) {
    int n = ngram.length();
    return n == 0 || n > 3 ? 0 : pack(ngram, n);
  }

  private void takeLogs() {
    for (int i = 0; i < values.length; i++) {
      logs[i] = (float) Math.log(values[i]);
    }
  }

  /** {@link #pack} of the first {@code length} (1 to 3) characters of {@code ngram}, without making that string. */
  static long pack(String ngram, int length) {
    long key = length;
    for (int i = 0; i < length; i++) {
      key = key << 16 | ngram.charAt(i);
    }
    return key;
  }

  /** Where language {@code language}'s frequency of {@code ngram} is in {@link #values}, or -1. */
  private int index(int language, String ngram) {
    long key = pack(ngram);
    return key == 0 ? -1 : index(language, key);
  }

  private int index(int language, long key) {
    return index(rows.get(key), language);
  }

  /** The row of a {@linkplain #pack packed} n-gram, for {@link #index(int, int)}; -1 when no language has it. */
  int row(long key) {
    return rows.get(key);
  }

  /** Where language {@code language}'s frequency in row {@code row} (-1 for none) is, or -1 if it has none. */
  int index(int row, int language) {
    if (row < 0) {
      return -1;
    }
    long bit = 1L << language;
    return (present[row] & bit) == 0 ? -1 : offsets[row] + Long.bitCount(present[row] & (bit - 1));
  }

  /** The frequency at {@code index} (from {@link #index(int, int)}). */
  float value(int index) {
    return values[index];
  }

  /** {@code (float) Math.log(value(index))}, computed once when the table was built. */
  float log(int index) {
    return logs[index];
  }

  /** Language {@code language}'s model, as a read-only map. */
  Object2FloatMap<String> view(int language) {
    if (language < 0 || language >= languages) {
      throw new IndexOutOfBoundsException("no language " + language + " in a table of " + languages);
    }
    return new View(this, language);
  }

  private static final class View extends AbstractObject2FloatMap<String> {
    private static final long serialVersionUID = 1L;
    private final NgramTable table;
    private final int language;
    private int size = -1;

    View(NgramTable table, int language) {
      this.table = table;
      this.language = language;
    }

    @Override
    public float getFloat(Object ngram) {
      int i = ngram instanceof String s ? table.index(language, s) : -1;
      return i < 0 ? defRetValue : table.values[i];
    }

    @Override
    public boolean containsKey(Object ngram) {
      return ngram instanceof String s && table.index(language, s) >= 0;
    }

    @Override
    public int size() {
      if (size < 0) {
        size = object2FloatEntrySet().size();
      }
      return size;
    }

    @Override
    public ObjectSet<Object2FloatMap.Entry<String>> object2FloatEntrySet() {
      List<Object2FloatMap.Entry<String>> entries = new ArrayList<>();
      for (long key : table.rows.keySet()) {
        int i = table.index(language, key);
        if (i >= 0) {
          entries.add(new BasicEntry<>(unpack(key), table.values[i]));
        }
      }
      return new ObjectArraySet<>(entries.toArray(), entries.size()); // distinct keys
    }
  }

  private static String unpack(long key) {
    int n = key >>> 48 != 0 ? 3 : key >>> 32 != 0 ? 2 : 1;
    char[] chars = new char[n];
    for (int i = n - 1; i >= 0; i--) {
      chars[i] = (char) key;
      key >>>= 16;
    }
    return new String(chars);
  }
}

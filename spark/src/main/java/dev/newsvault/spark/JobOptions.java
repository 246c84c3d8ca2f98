package dev.newsvault.spark;

import dev.newsvault.config.ConfigException;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.export.NearDupMode;
import dev.newsvault.extract.ExtractionRules;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's arguments: {@code --out DIR [--config FILE] [--near-dups drop|mark|keep] [--near-dup-threshold BITS]
 * [--min-words N] [--partitions N] [--max-page-bytes N] INPUT...} where each INPUT is a WARC path or glob on any
 * Hadoop file system (file:, hdfs:, s3a:).
 *
 * @param partitions output shards (files per format); 0 keeps one per input task
 * @param extractRules the {@code extract.*} keys of the config file, as {@code newsvault import} applies them
 */
public record JobOptions(List<String> inputs, String out, NearDupMode nearDups, int nearDupBits, int minWords,
    int partitions, long maxPageBytes, Map<String, String> extractRules) implements Serializable {

  static final String USAGE = "usage: newsvault-spark --out DIR [--config FILE] [--near-dups drop|mark|keep]"
      + " [--near-dup-threshold BITS] [--min-words N] [--partitions N] [--max-page-bytes N] WARC-PATH-OR-GLOB...";

  public JobOptions {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input WARC paths given; " + USAGE);
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required; " + USAGE);
    }
    if (nearDupBits < 0 || nearDupBits > 16) {
      throw new IllegalArgumentException("--near-dup-threshold must be 0 to 16 bits, not " + nearDupBits);
    }
    extractRules = new HashMap<>(extractRules); // serialisable to the executors, whatever map was given
    ExtractionRules.fromProperties(extractRules); // a bad key or selector fails here, on the driver, by name
  }

  /**
   * The defaults match {@code newsvault export} and {@code import}: near-duplicates dropped at 7 bits; without
   * {@code --config}, 40-word articles, 5 MiB pages and no extraction rules. With it, {@code extract.*},
   * {@code article.min.words} and {@code max.page.bytes} come from that file (read on the driver: in cluster
   * deploy mode ship it with {@code spark-submit --files}); {@code --min-words} and {@code --max-page-bytes} win.
   */
  public static JobOptions parse(String... args) {
    List<String> inputs = new ArrayList<>();
    String out = null;
    String config = null;
    NearDupMode mode = NearDupMode.DROP;
    int bits = 7;
    Integer minWords = null;
    int partitions = 0;
    Long maxBytes = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--out" -> out = value(args, ++i, a);
        case "--config" -> config = value(args, ++i, a);
        case "--near-dups" -> mode = NearDupMode.parse(value(args, ++i, a));
        case "--near-dup-threshold" -> bits = number(value(args, ++i, a), a);
        case "--min-words" -> minWords = number(value(args, ++i, a), a);
        case "--partitions" -> partitions = number(value(args, ++i, a), a);
        case "--max-page-bytes" -> maxBytes = (long) number(value(args, ++i, a), a);
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
          }
          inputs.add(a);
        }
      }
    }
    Settings s;
    try {
      s = config == null ? Settings.defaults() : ConfigLoader.load(Path.of(config), true, Map.of());
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return new JobOptions(inputs, out, mode, bits, minWords != null ? minWords : s.articleMinWords(), partitions,
        maxBytes != null ? maxBytes : s.maxPageBytes(), s.group("extract."));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; " + USAGE);
    }
    return args[i];
  }

  private static int number(String v, String option) {
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number of 0 or more, not '" + v + "'");
    }
  }
}

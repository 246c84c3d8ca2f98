package dev.newsvault.spark;

import dev.newsvault.export.NearDupMode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's arguments: {@code --out DIR [--near-dups drop|mark|keep] [--near-dup-threshold BITS]
 * [--min-words N] [--partitions N] [--max-page-bytes N] INPUT...} where each INPUT is a WARC path or glob on any
 * Hadoop file system (file:, hdfs:, s3a:).
 *
 * @param partitions output shards (files per format); 0 keeps one per input task
 */
public record JobOptions(List<String> inputs, String out, NearDupMode nearDups, int nearDupBits, int minWords,
    int partitions, long maxPageBytes) implements Serializable {

  static final String USAGE = "usage: newsvault-spark --out DIR [--near-dups drop|mark|keep]"
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
  }

  /** The defaults match {@code newsvault export}: near-duplicates dropped at 7 bits, 40-word articles. */
  public static JobOptions parse(String... args) {
    List<String> inputs = new ArrayList<>();
    String out = null;
    NearDupMode mode = NearDupMode.DROP;
    int bits = 7;
    int minWords = 40;
    int partitions = 0;
    long maxBytes = 5_242_880;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--out" -> out = value(args, ++i, a);
        case "--near-dups" -> mode = NearDupMode.parse(value(args, ++i, a));
        case "--near-dup-threshold" -> bits = number(value(args, ++i, a), a);
        case "--min-words" -> minWords = number(value(args, ++i, a), a);
        case "--partitions" -> partitions = number(value(args, ++i, a), a);
        case "--max-page-bytes" -> maxBytes = number(value(args, ++i, a), a);
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
          }
          inputs.add(a);
        }
      }
    }
    return new JobOptions(inputs, out, mode, bits, minWords, partitions, maxBytes);
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

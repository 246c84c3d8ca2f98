package dev.newsvault.bench;

import dev.newsvault.check.ChangeClassifier;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How long labelling a change takes when a text of N words is rewritten wholesale (every word replaced): the
 * worst case of a word diff, which check, crawl and import all run for a changed version. Prints seconds per size.
 *
 * <p>Usage: {@code DiffBenchmark WORDS...} (for example 5000 20000 40000 150000).
 */
public final class DiffBenchmark {

  private DiffBenchmark() {}

  public static void main(String[] args) {
    for (String arg : args) {
      int words = Integer.parseInt(arg);
      String before = text(1, words);
      String after = text(2, words);
      long start = System.nanoTime();
      var label = ChangeClassifier.classify(new ChangeClassifier.Revision("t", List.of(), before),
          new ChangeClassifier.Revision("t", List.of(), after));
      System.out.printf(Locale.ROOT, "%,d words rewritten: %s, +%,d -%,d words, %.2f s%n", words, label.kind(),
          label.wordsAdded(), label.wordsRemoved(), (System.nanoTime() - start) / 1e9);
    }
  }

  /** Generated paragraphs of 40 words. */
  private static String text(long seed, int words) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append('w').append(r.nextInt(1_000_000)).append(i % 40 == 39 ? ".\n\n" : " ");
    }
    return b.toString();
  }
}

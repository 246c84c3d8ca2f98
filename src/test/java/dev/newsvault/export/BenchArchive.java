package dev.newsvault.export;

import dev.newsvault.archive.Archive;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a synthetic archive for bench/export.sh: N articles of about 600 words over 20 sites, each stored as
 * a crawl would store it (raw page + article), with 1% exact copies and 2% near-copies (other boilerplate) on
 * other sites. Not a test; run with the test classpath. An archive that exists already is only opened, which
 * upgrades one of an older schema (and times that).
 */
public final class BenchArchive {

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    SplittableRandom rnd = new SplittableRandom(42);
    String[] vocab = vocabulary(rnd, 3000);
    long t0 = System.nanoTime();
    if (java.nio.file.Files.exists(db)) {
      try (Archive archive = Archive.open(db)) {
        System.out.printf("opened the existing %s (upgraded if older) in %.1f s%n", db, (System.nanoTime() - t0) / 1e9);
      }
      return;
    }
    try (Archive archive = Archive.open(db)) {
      long run = archive.startRun("bench", "synthetic export benchmark");
      Instant start = Instant.parse("2025-01-01T00:00:00Z");
      String previous = null;
      int exact = 0;
      int near = 0;
      for (int i = 0; i < n; i++) {
        String host = "site" + (i % 20) + ".example";
        String text;
        double roll = rnd.nextDouble();
        if (previous != null && roll < 0.01) {
          text = previous;
          exact++;
        } else if (previous != null && roll < 0.03) {
          text = "Share this story with friends and family.\n\n" + previous
              + "\n\nSign up for our newsletter to get the top stories every morning.";
          near++;
        } else {
          text = story(rnd, vocab, 540 + rnd.nextInt(120));
        }
        previous = text;
        String url = "https://" + host + "/2025/" + (i % 12 + 1) + "/story-" + i;
        String title = "Story number " + i + " " + vocab[rnd.nextInt(vocab.length)];
        Instant at = start.plusSeconds(i * 60L);
        String html = Archives.page(title, text);
        Capture c = new Capture(url, url, 200, at, 50, "text/html; charset=utf-8", null, null,
            Map.of("server", "nginx", "cache-control", "max-age=300"), html.getBytes(StandardCharsets.UTF_8), null);
        Article a = new Article(url, url, title, List.of("Staff Writer"), at.toString().substring(0, 10), null,
            host, i % 10 == 0 ? "de" : "en", "About " + title, List.of("news"), null, text);
        archive.store(run, c, a);
      }
      System.out.printf("planted %d exact copies and %d boilerplate copies%n", exact, near);
    }
    System.out.printf("generated %d articles in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }

  private static String[] vocabulary(SplittableRandom rnd, int size) {
    String[] syl = {"ka", "lo", "mi", "ter", "an", "sen", "por", "de", "vi", "ra", "tu", "gen", "al", "mo", "ne",
        "ri", "sta", "con", "pre", "ing", "tion", "er", "ly", "ment"};
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + rnd.nextInt(3);
      for (int p = 0; p < parts; p++) {
        b.append(syl[rnd.nextInt(syl.length)]);
      }
      out[i] = b.toString();
    }
    return out;
  }

  private static String story(SplittableRandom rnd, String[] vocab, int words) {
    StringBuilder b = new StringBuilder(words * 7);
    for (int i = 0; i < words; i++) {
      // Zipf-like: common words much more often than rare ones
      int idx = (int) Math.min(vocab.length - 1, Math.floor(Math.pow(rnd.nextDouble(), 3) * vocab.length));
      b.append(vocab[idx]);
      b.append(i % 100 == 99 ? ".\n\n" : i % 17 == 16 ? ". " : " ");
    }
    return b.toString().strip() + ".";
  }
}

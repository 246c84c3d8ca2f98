package dev.newsvault.export;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.FeedQueries;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds real archives for export tests: article captures as a crawl would store them. */
final class Archives {

  private final Archive archive;
  private final long run;

  private Archives(Archive archive, long run) {
    this.archive = archive;
    this.run = run;
  }

  static Archives create(Path db) throws IOException {
    Archive a = Archive.open(db);
    return new Archives(a, a.startRun("crawl", "test"));
  }

  /** One article capture: an HTML page wrapping the text, fetched at {@code fetched}. */
  Archives article(String url, String title, String published, String language, String fetched, String text)
      throws IOException {
    return article(url, title, published, language, fetched, text, page(title, text));
  }

  Archives article(String url, String title, String published, String language, String fetched, String text,
      String html) throws IOException {
    return capture(url, url, title, published, language, fetched, text, html);
  }

  /** A capture of {@code url} that ended, after redirects, at {@code finalUrl}. */
  Archives capture(String url, String finalUrl, String title, String published, String language, String fetched,
      String text, String html) throws IOException {
    Capture c = new Capture(url, finalUrl, 200, Instant.parse(fetched), 40, "text/html; charset=utf-8", "\"etag-1\"",
        null, Map.of("server", "nginx", "content-encoding", "gzip", "cache-control", "max-age=60"),
        html.getBytes(StandardCharsets.UTF_8), null);
    Article a = new Article(url, url, title, List.of("Dana Reporter"), published, null, "The Ledger", language,
        "About " + title, List.of("city"), "https://img.example/" + Math.abs(url.hashCode()) + ".jpg", text);
    archive.store(run, c, a);
    return this;
  }

  /** What a feed said about an article URL, as feed expansion records it. */
  Archives feedEntry(String url, String title) throws IOException {
    new FeedQueries(archive).recordEntry(url, "http://feeds.test/rss", "feed", title, null, null,
        Instant.parse("2026-01-01T00:00:00Z"));
    return this;
  }

  static String page(String title, String text) {
    StringBuilder b = new StringBuilder("<!doctype html><html><head><title>").append(title)
        .append("</title></head><body><nav>Home | News | Sport</nav><article><h1>").append(title).append("</h1>");
    for (String p : text.split("\n\n")) {
      b.append("<p>").append(p).append("</p>\n");
    }
    return b.append("</article><footer>© The Ledger</footer></body></html>").toString();
  }

  /** Paragraphs of plausible news text, different for each seed. */
  static String story(int seed, int words) {
    String[] vocab = ("council transit budget harbor mayor school river police court election hospital storm"
        + " bridge market housing rent teachers union strike vote report study residents officials plan city"
        + " county state federal grant project construction delay traffic weather season players coach museum"
        + " library park festival water power fire emergency health clinic workers company jobs prices").split(" ");
    StringBuilder b = new StringBuilder();
    long x = seed * 0x9E3779B97F4A7C15L + 12345;
    for (int i = 0; i < words; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      b.append(vocab[(int) Math.floorMod(x, (long) vocab.length)]);
      b.append(i % 90 == 89 ? ".\n\n" : i % 15 == 14 ? ". " : " ");
    }
    return b.toString().strip() + ".";
  }

  static String resource(String name) {
    try (InputStream in = Archives.class.getResourceAsStream("/neardup/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() throws IOException {
    archive.close();
  }
}

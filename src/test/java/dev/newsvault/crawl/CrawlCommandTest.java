package dev.newsvault.crawl;

import static dev.newsvault.crawl.FixtureServer.Reply.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlCommandTest {

  private static final String H = "127.0.0.1";

  @TempDir Path dir;
  private FixtureServer server;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    server = new FixtureServer();
    server.route(H, "/", html(NewsPages.section("Home", List.of("/story"))));
    server.route(H, "/story", html(NewsPages.article("Council story", 4, List.of())));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int crawl(Path seeds, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("crawl", "--config", write("c.properties",
        "politeness.delay.ms=0\nthreads=2\nfetch.allow.private=true\n").toString(), "--db", dir.resolve("a.db").toString(),
        "--set", "seeds=" + seeds, "--set", "work.dir=" + dir.resolve("work")));
    args.addAll(List.of(more));
    return Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void crawlReportsBadSeedLinesCrawlsTheGoodOnesAndPrintsASummary() throws Exception {
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(seeds.resolve("local.txt"), "# test site\n" + server.url(H, "/") + "\tdepth=1\n"
        + "mailto:editor@example.com\n" + server.url(H, "/x") + "\tdepth=deep\n");

    int code = crawl(seeds);

    assertThat(code).isZero();
    assertThat(err.toString()).contains("local.txt:3: ", "local.txt:4: ", "depth=deep");
    assertThat(out.toString()).contains("Crawl run #1 finished", "tried 2, archived 2", "articles 1 new");
    assertThat(server.paths(H)).contains("/", "/story").doesNotContain("/x");
  }

  @Test
  void aFeedSeedIsExpandedIntoTheArticlesItListsAndOnlyThose() throws Exception {
    try (dev.newsvault.demo.DemoSite site = dev.newsvault.demo.DemoSite.start()) {
      Path seeds = write("feeds.txt", site.baseUrl().resolve("/feed.xml") + "\ttype=feed\n");

      int code = crawl(seeds);

      assertThat(code).isZero();
      assertThat(err.toString()).doesNotContain("not by this crawl");
      // The sample feed lists its 10 newest articles; at depth 0 their links are not followed.
      assertThat(out.toString()).contains("tried 10, archived 10", "articles 10 new");
      try (dev.newsvault.archive.Archive a = dev.newsvault.archive.Archive.openReadOnly(dir.resolve("a.db"))) {
        String newest = site.baseUrl().resolve(site.articlePaths().get(0)).toString();
        assertThat(a.reader().article(newest)).isPresent();
        assertThat(a.reader().stats().articles()).isEqualTo(10);
      }
    }
  }

  @Test
  void withNoUsableSeedTheCrawlExitsWithOne() {
    Path seeds = write("seeds.txt", "ftp://example.com/\n");
    assertThat(crawl(seeds)).isEqualTo(1);
    assertThat(err.toString()).contains("seeds.txt:1: ");
    assertThat(server.hits()).isEmpty();
  }

  /** Leaves an interrupted crawl in the archive: stopped before it fetched anything, its seed still queued. */
  private void interruptedCrawl() throws Exception {
    CrawlFixture fx = new CrawlFixture(dir);
    int before = server.hits().size();
    try (dev.newsvault.archive.Archive archive = dev.newsvault.archive.Archive.open(dir.resolve("a.db"))) {
      dev.newsvault.config.Settings s = fx.settings();
      Crawler c = new Crawler(s, archive, new dev.newsvault.extract.ArticleExtractor(
          dev.newsvault.extract.ExtractionRules.NONE), CrawlListener.NONE);
      c.stop();
      assertThat(c.run(List.of(StartUrl.of(server.url(H, "/"), s))).status()).isEqualTo("interrupted");
    }
    assertThat(server.hits()).hasSize(before);
  }

  @Test
  void theNextCrawlResumesAnInterruptedOneAndFreshStartsOver() throws Exception {
    Path seeds = write("seeds.txt", server.url(H, "/") + "\n");
    interruptedCrawl();
    assertThat(crawl(seeds)).isZero();
    assertThat(out.toString()).contains("Crawl run #2 finished (resumed): tried 2,");

    interruptedCrawl();
    out.getBuffer().setLength(0);
    assertThat(crawl(seeds, "--fresh")).isZero();
    assertThat(out.toString()).contains("Crawl run #4 finished: tried 2,").doesNotContain("resumed");
  }

  @Test
  void aVersionARecrawlStoresCarriesItsChangeLabelIntoTheExport() throws Exception {
    Path seeds = write("seeds.txt", server.url(H, "/") + "\tdepth=1\n");
    assertThat(crawl(seeds)).isZero();
    // the story gains a paragraph between the two crawls
    server.route(H, "/story", html(NewsPages.article("Council story", 5, List.of())));
    assertThat(crawl(seeds)).isZero();

    Path file = dir.resolve("corpus.jsonl");
    assertThat(Main.run(new String[] {"export", "--db", dir.resolve("a.db").toString(), "--format", "jsonl",
        "--all-versions", "--near-dups", "keep", "--out", file.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true))).as(err.toString()).isZero();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<com.fasterxml.jackson.databind.JsonNode> story = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
      if (n.get("url").asText().endsWith("/story")) {
        story.add(n);
      }
    }
    assertThat(story).hasSize(2);
    assertThat(story.get(0).get("change_kind").isNull()).as("version 1 has nothing to compare with").isTrue();
    assertThat(story.get(1).get("change_kind").asText()).isEqualTo("paragraph_added");
  }
}

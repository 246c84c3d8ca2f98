package dev.newsvault.crawl;

import static dev.newsvault.crawl.FixtureServer.Reply.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl engine's life: every crawl ends, owns its own crawler4j folder, and leaves nothing behind. */
class CrawlEngineTest {

  private static final String H = "127.0.0.1";

  @TempDir Path dir;
  private FixtureServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FixtureServer();
    server.route(H, "/", html(NewsPages.section("Home", List.of("/one", "/two"))));
    server.route(H, "/one", html(NewsPages.article("One", 4, List.of())));
    server.route(H, "/two", html(NewsPages.article("Two", 4, List.of())));
    server.route(H, "/lost", html(NewsPages.article("Lost", 4, List.of())));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aUrlTheEngineLosesIsRecordedAsDroppedAndTheCrawlStillEnds() throws Exception {
    CrawlFixture fx = new CrawlFixture(dir);
    Settings s = fx.settings("fetch.allow.private=true", "max.depth=1");
    String lost = server.url(H, "/lost");
    CrawlResult r;
    try (Archive archive = Archive.open(fx.db)) {
      r = new Crawler(s, archive, new ArticleExtractor(ExtractionRules.NONE), CrawlListener.NONE)
          .losing(lost::equals)
          .run(List.of(StartUrl.of(server.url(H, "/"), s), StartUrl.of(lost, s)));
    }
    assertThat(r.status()).isEqualTo("partial"); // the dropped URL counts as failed
    assertThat(fx.outcomes()).containsEntry(lost, "dropped")
        .containsEntry(server.url(H, "/"), "ok").containsEntry(server.url(H, "/one"), "ok")
        .containsEntry(server.url(H, "/two"), "ok");
    assertThat(r.progress().failed()).isEqualTo(1);
    assertThat(server.paths(H)).doesNotContain("/lost");
  }

  @Test
  void aPageWhoseExtractionOverrunsItsBudgetIsArchivedRawAndTheCrawlGoesOn() throws Exception {
    CrawlFixture fx = new CrawlFixture(dir);
    Settings s = fx.settings("fetch.allow.private=true", "max.depth=1");
    CrawlResult r;
    try (Archive archive = Archive.open(fx.db)) {
      // A budget no extraction can meet: every page overruns it.
      r = new Crawler(s, archive, new ArticleExtractor(ExtractionRules.NONE), CrawlListener.NONE)
          .extractionBudget(java.time.Duration.ofNanos(1))
          .run(List.of(StartUrl.of(server.url(H, "/"), s)));
    }
    assertThat(r.status()).isEqualTo("failed"); // every page overran: nothing archived
    assertThat(fx.outcomes()).containsEntry(server.url(H, "/"), "extract_timeout")
        .containsEntry(server.url(H, "/one"), "extract_timeout").containsEntry(server.url(H, "/two"), "extract_timeout");
    assertThat(fx.column("SELECT COUNT(*) FROM fetch WHERE raw_sha256 IS NOT NULL")).containsExactly("3");
    assertThat(fx.column("SELECT failure_detail FROM fetch WHERE url LIKE '%/one'").get(0))
        .contains("raw bytes kept");
    assertThat(fx.column("SELECT COUNT(*) FROM article")).containsExactly("0");
  }

  @Test
  void twoArchivesOfTheSameNameCrawlAtOnceInOwnEngineFolders() throws Exception {
    // Both archives are called archive.db and both start at run 1: the engine folders must still differ.
    CrawlFixture a = new CrawlFixture(Files.createDirectories(dir.resolve("a")));
    CrawlFixture b = new CrawlFixture(Files.createDirectories(dir.resolve("b")));
    Path work = dir.resolve("shared-work");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<CrawlResult>> runs = Stream.of(a, b).map(fx -> pool.submit(() -> {
        Settings s = fx.settings("fetch.allow.private=true", "work.dir=" + work);
        return fx.crawl(s, List.of(StartUrl.of(server.url(H, "/"), s)));
      })).toList();
      for (Future<CrawlResult> f : runs) {
        CrawlResult r = f.get();
        assertThat(r.status()).isEqualTo("finished");
        assertThat(r.progress().archived()).isEqualTo(3);
        assertThat(r.progress().failed()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> left = Files.walk(work)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("run-")).toList())
          .as("engine folders are removed when their crawl ends").isEmpty();
    }
  }

  @Test
  void aFolderLeftByAKilledProcessIsRemovedButALiveProcesssIsKept() throws Exception {
    Path parent = Files.createDirectories(dir.resolve("crawl-x.db"));
    Path dead = Files.createDirectories(parent.resolve("run-3-p" + deadPid() + "-123"));
    Path older = Files.createDirectories(parent.resolve("run-7"));
    Path live = Files.createDirectories(parent.resolve("run-4-p" + ProcessHandle.current().parent()
        .orElseThrow().pid() + "-456"));
    Path mine = StorageFolders.fresh(parent, 1);
    assertThat(dead).doesNotExist();
    assertThat(older).doesNotExist();
    assertThat(live).exists();
    assertThat(mine).exists().isNotEqualTo(StorageFolders.fresh(parent, 1));
    assertThat(mine).as("this process's open folder is kept").exists();
  }

  /** A process id that no running process has. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    return p.pid();
  }
}

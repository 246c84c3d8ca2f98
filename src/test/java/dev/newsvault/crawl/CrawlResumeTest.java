package dev.newsvault.crawl;

import static dev.newsvault.crawl.FixtureServer.Reply.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlResumeTest {

  private static final String H = "127.0.0.1";

  @TempDir Path dir;
  private FixtureServer server;
  private CrawlFixture fx;
  private final List<String> sitePaths = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new FixtureServer();
    fx = new CrawlFixture(dir);
    List<String> sections = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      List<String> articles = new ArrayList<>();
      for (int a = 0; a < 6; a++) {
        String path = "/section-" + s + "/story-" + a;
        articles.add(path);
        server.route(H, path, html(NewsPages.article("Story " + s + "." + a, 3,
            List.of("/section-" + s, "/section-" + ((s + 1) % 6) + "/story-" + a))));
        sitePaths.add(path);
      }
      sections.add("/section-" + s);
      server.route(H, "/section-" + s, html(NewsPages.section("Section " + s, articles)));
      sitePaths.add("/section-" + s);
    }
    server.route(H, "/", html(NewsPages.section("Home", sections)));
    sitePaths.add("/");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Crawls, stopping the crawl from its listener once {@code stopAfter} pages are recorded (0: never). */
  private CrawlResult crawl(Settings s, int stopAfter) throws Exception {
    try (Archive archive = Archive.open(fx.db)) {
      AtomicReference<Crawler> self = new AtomicReference<>();
      AtomicInteger pages = new AtomicInteger();
      Crawler c = new Crawler(s, archive, new ArticleExtractor(ExtractionRules.NONE), new CrawlListener() {
        @Override
        public void onPage(dev.newsvault.fetch.Capture capture, dev.newsvault.archive.StoreResult result) {
          if (stopAfter > 0 && pages.incrementAndGet() == stopAfter) {
            self.get().stop();
          }
        }
      });
      self.set(c);
      return c.run(List.of(StartUrl.of(server.url(H, "/"), s)));
    }
  }

  /** Crawls on a thread of its own and interrupts that thread once {@code after} pages are recorded. */
  private CrawlResult crawlInterruptingTheThread(Settings s, int after, AtomicBoolean flagAfter) throws Exception {
    AtomicReference<CrawlResult> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Thread> crawling = new AtomicReference<>();
    AtomicInteger pages = new AtomicInteger();
    Thread t = new Thread(() -> {
      try (Archive archive = Archive.open(fx.db)) {
        Crawler c = new Crawler(s, archive, new ArticleExtractor(ExtractionRules.NONE), new CrawlListener() {
          @Override
          public void onPage(dev.newsvault.fetch.Capture capture, dev.newsvault.archive.StoreResult r) {
            if (pages.incrementAndGet() == after) {
              crawling.get().interrupt();
            }
          }
        });
        result.set(c.run(List.of(StartUrl.of(server.url(H, "/"), s))));
        flagAfter.set(Thread.currentThread().isInterrupted());
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    crawling.set(t);
    t.start();
    t.join(60_000);
    assertThat(failure.get()).isNull();
    return result.get();
  }

  @Test
  void anInterruptedThreadStopsTheCrawlCleanlyAndTheNextCrawlResumesIt() throws Exception {
    Settings s = fx.settings("threads=2", "max.depth=3");
    AtomicBoolean stillInterrupted = new AtomicBoolean();

    CrawlResult first = crawlInterruptingTheThread(s, 10, stillInterrupted);
    assertThat(first.status()).isEqualTo("interrupted");
    assertThat(stillInterrupted).as("the interrupt is handed back to the caller").isTrue();

    CrawlResult second = crawl(s, 0);
    assertThat(second.resumed()).isTrue();
    assertThat(first.progress().fetched() + second.progress().fetched()).isEqualTo(sitePaths.size());
    assertThat(requestsPerPath().values()).allMatch(n -> n == 1);
    assertThat(fx.column("SELECT status FROM crawl_run ORDER BY id")).containsExactly("interrupted", "finished");
  }

  private Map<String, Long> requestsPerPath() {
    return server.paths(H).stream().filter(p -> !p.equals("/robots.txt"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Test
  void anInterruptedCrawlResumesAndEveryUrlIsFetchedExactlyOnce() throws Exception {
    Settings s = fx.settings("threads=2", "max.depth=3");

    CrawlResult first = crawl(s, 10);
    assertThat(first.status()).isEqualTo("interrupted");
    assertThat(first.progress().fetched()).isBetween(10L, (long) sitePaths.size() - 1);
    assertThat(fx.column("SELECT COUNT(*) FROM frontier WHERE state='queued'").get(0)).isNotEqualTo("0");

    CrawlResult second = crawl(s, 0);
    assertThat(second.resumed()).isTrue();
    assertThat(second.status()).isEqualTo("finished");
    assertThat(first.progress().fetched() + second.progress().fetched()).isEqualTo(sitePaths.size());

    Map<String, Long> requests = requestsPerPath();
    assertThat(requests.keySet()).containsExactlyInAnyOrderElementsOf(sitePaths);
    assertThat(requests.values()).allMatch(n -> n == 1);
    assertThat(fx.column("SELECT COUNT(*) || '/' || COUNT(DISTINCT url) FROM fetch"))
        .containsExactly(sitePaths.size() + "/" + sitePaths.size());
    assertThat(fx.column("SELECT COUNT(*) FROM frontier WHERE state='queued'")).containsExactly("0");
    assertThat(fx.column("SELECT status FROM crawl_run ORDER BY id")).containsExactly("interrupted", "finished");
  }

  @Test
  void aFinishedCrawlStartsOverFromItsSeedsInsteadOfResuming() throws Exception {
    Settings s = fx.settings("threads=2", "max.depth=1");
    crawl(s, 0);
    CrawlResult again = crawl(s, 0);
    assertThat(again.resumed()).isFalse();
    assertThat(again.progress().fetched()).isEqualTo(7);
    assertThat(requestsPerPath().get("/")).isEqualTo(2);
  }

  @Test
  void resumableOffStartsOverAfterAnInterruption() throws Exception {
    Settings s = fx.settings("threads=2", "max.depth=1", "resumable=false");
    crawl(s, 3);
    CrawlResult again = crawl(s, 0);
    assertThat(again.resumed()).isFalse();
    assertThat(again.progress().fetched()).isEqualTo(7);
  }

  @Test
  void anErrorWhileRecordingOnePageDoesNotLoseTheOtherPages() throws Exception {
    Settings s = fx.settings("threads=2", "max.depth=3");
    try (Archive archive = Archive.open(fx.db)) {
      CrawlResult r = new Crawler(s, archive, new ArticleExtractor(ExtractionRules.NONE), new CrawlListener() {
        @Override
        public void onPage(dev.newsvault.fetch.Capture capture, dev.newsvault.archive.StoreResult result) {
          if (capture.url().endsWith("/section-2")) {
            throw new OutOfMemoryError("simulated failure while handling " + capture.url());
          }
        }
      }).run(List.of(StartUrl.of(server.url(H, "/"), s)));
      assertThat(r.progress().fetched()).isEqualTo(sitePaths.size());
    }
    assertThat(fx.column("SELECT COUNT(DISTINCT url) FROM fetch")).containsExactly(String.valueOf(sitePaths.size()));
  }
}

package dev.newsvault.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ScheduleQueries;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.fetch.HttpClients;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-running schedule crawls round after round in one JVM: every round must leave nothing of its crawl
 * engine behind (crawler4j's threads, its BerkeleyDB environment and its folder), so threads and memory stay
 * flat however long the daemon runs.
 */
class ScheduledRoundsTest {

  private static final int ROUNDS = 12;
  /** Threads crawler4j and BerkeleyDB start for a crawl, by name. */
  private static final List<String> ENGINE_THREADS = List.of("Crawler ", "Checkpointer", "Cleaner", "INCompressor",
      "Evictor", "crawl-cleanup", "crawl-engine");

  @TempDir Path dir;
  private HttpServer server;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      String body = path.equals("/robots.txt") ? "User-agent: *\nAllow: /\n"
          : "<html><head><title>Page " + path + "</title></head><body><h1>Page " + path + "</h1>"
              + "<p>Council members met on Tuesday to discuss the budget for the coming year in detail.</p>"
              + (path.equals("/") ? "<a href=\"/a\">a</a> <a href=\"/b\">b</a> <a href=\"/c\">c</a>" : "")
              + "</body></html>";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", path.equals("/robots.txt") ? "text/plain" : "text/html");
      ex.sendResponseHeaders(200, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void manyScheduledRoundsInOneJvmLeaveNoCrawlEngineThreadsFoldersOrMemoryBehind() throws Exception {
    Path seeds = Files.writeString(dir.resolve("news.txt"),
        "http://127.0.0.1:" + server.getAddress().getPort() + "/\tdepth=1\n");
    Path work = dir.resolve("work");
    Settings s = ConfigLoader.load(null, false, Map.of("politeness.delay.ms", "0", "threads", "4",
        "work.dir", work.toString(), "database", dir.resolve("a.db").toString(), "fetch.allow.private", "true"));
    OkHttpClient client = HttpClients.create(s);
    MutableClock clock = new MutableClock("2025-03-04T10:00:00Z");
    long threadsAfterSecond = 0;
    long heapAfterSecond = 0;
    try (Archive archive = Archive.open(dir.resolve("a.db"))) {
      ListCrawl crawl = new ListCrawl(s, archive, client, clock);
      ScheduledList list = new ScheduledList("news", seeds, Timing.every("k", "30m"));
      Scheduler scheduler = new Scheduler(List.of(new Scheduler.Job("news", list.timing(), () -> crawl.crawl(list))),
          new ScheduleQueries(archive), clock);
      for (int round = 1; round <= ROUNDS; round++) {
        clock.advance(java.time.Duration.ofMinutes(30));
        List<JobResult> results = scheduler.runNow(List.of(new Scheduler.Job("news", list.timing(),
            () -> crawl.crawl(list))));
        assertThat(results).singleElement().satisfies(r -> {
          assertThat(r.outcome()).as(r.summary()).isEqualTo("finished");
          assertThat(r.summary()).contains("tried 4");
        });
        assertThat(engineThreads()).as("crawl engine threads alive after round %d", round).isEmpty();
        assertThat(runFolders(work)).as("crawl engine folders left after round %d", round).isEmpty();
        if (round == 2) {
          threadsAfterSecond = Thread.activeCount();
          heapAfterSecond = usedHeap();
        }
      }
    }
    assertThat((long) Thread.activeCount()).as("threads after %d rounds", ROUNDS)
        .isLessThanOrEqualTo(threadsAfterSecond + 2);
    // A leaked BerkeleyDB environment keeps its cache (megabytes) per round; allow for GC noise only.
    assertThat(usedHeap() - heapAfterSecond).as("heap growth over %d rounds", ROUNDS - 2)
        .isLessThan(48L * 1024 * 1024);
  }

  private static List<String> engineThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> ENGINE_THREADS.stream().anyMatch(n::startsWith)).toList();
  }

  private static List<Path> runFolders(Path work) throws Exception {
    if (!Files.isDirectory(work)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(work)) {
      return all.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
    }
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}

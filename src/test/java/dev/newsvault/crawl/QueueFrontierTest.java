package dev.newsvault.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sleepycat.je.Environment;
import com.sleepycat.je.EnvironmentConfig;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.DocIDServer;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.url.WebURL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory queue and doc ids behave as crawler4j's BerkeleyDB ones: the same operations on both, in two
 * environments, give the same URLs in the same order with the same fields.
 */
class QueueFrontierTest {

  @TempDir Path dir;
  private Environment theirs;
  private Environment ours;
  private final CrawlConfig config = new CrawlConfig();

  @BeforeEach
  void open() throws Exception {
    config.setResumableCrawling(false);
    theirs = environment(dir.resolve("theirs"));
    ours = environment(dir.resolve("ours"));
  }

  @AfterEach
  void close() {
    theirs.close();
    ours.close();
  }

  private static Environment environment(Path folder) throws Exception {
    Files.createDirectories(folder);
    EnvironmentConfig c = new EnvironmentConfig();
    c.setAllowCreate(true);
    c.setTransactional(false);
    c.setLocking(false);
    return new Environment(folder.toFile(), c);
  }

  @Test
  void handsOutUrlsInCrawler4jsOrder() {
    Frontier reference = new Frontier(theirs, config);
    QueueFrontier queue = new QueueFrontier(ours, config);
    Random random = new Random(5);
    List<WebURL> made = new ArrayList<>();
    for (int round = 0; round < 400; round++) {
      int op = random.nextInt(4);
      if (op == 0 || made.isEmpty()) {
        List<WebURL> batch = new ArrayList<>();
        for (int n = random.nextInt(8); n > 0; n--) {
          batch.add(url(random, made));
        }
        reference.scheduleAll(batch);
        queue.scheduleAll(batch);
      } else if (op == 1) {
        // a URL put back under a new priority (as a deferred fetch is), or again under the same key
        WebURL again = made.get(random.nextInt(made.size()));
        if (random.nextBoolean()) {
          again.setPriority((byte) random.nextInt(3));
        }
        reference.schedule(again);
        queue.schedule(again);
      } else {
        assertThat(queue.getQueueLength()).isEqualTo(reference.getQueueLength());
        int max = 1 + random.nextInt(6);
        if (reference.getQueueLength() == 0) {
          continue; // both would wait for more
        }
        List<WebURL> expected = new ArrayList<>();
        List<WebURL> got = new ArrayList<>();
        reference.getNextURLs(max, expected);
        queue.getNextURLs(max, got);
        assertThat(fields(got)).isEqualTo(fields(expected));
      }
    }
    assertThat(queue.getQueueLength()).isEqualTo(reference.getQueueLength());
    assertThat(queue.getNumberOfScheduledPages()).isEqualTo(reference.getNumberOfScheduledPages());
    reference.close();
    queue.close();
  }

  @Test
  void aWaitingThreadWakesForOneUrlAndLeavesWhenTheCrawlIsFinished() throws Exception {
    QueueFrontier queue = new QueueFrontier(ours, config);
    CompletableFuture<List<WebURL>> waiting = CompletableFuture.supplyAsync(() -> {
      List<WebURL> got = new ArrayList<>();
      queue.getNextURLs(5, got);
      return got;
    });
    WebURL one = new WebURL();
    one.setURL("http://news.test/one");
    one.setDocid(1);
    queue.schedule(one); // a single URL, as a deferred fetch is put back: crawler4j's own would not wake the thread
    assertThat(waiting.get(30, TimeUnit.SECONDS)).extracting(WebURL::getURL).containsExactly("http://news.test/one");

    CompletableFuture<List<WebURL>> left = CompletableFuture.supplyAsync(() -> {
      List<WebURL> got = new ArrayList<>();
      queue.getNextURLs(5, got);
      return got;
    });
    queue.finish();
    assertThat(left.get(30, TimeUnit.SECONDS)).isEmpty();
    queue.close();
  }

  @Test
  void givesDocIdsAsCrawler4jDoes() throws Exception {
    DocIDServer reference = new DocIDServer(theirs, config);
    DocIds ids = new DocIds(ours, config);
    Random random = new Random(9);
    for (int i = 0; i < 2_000; i++) {
      String url = "http://news.test/" + random.nextInt(500);
      if (random.nextBoolean()) {
        assertThat(ids.getNewDocID(url)).isEqualTo(reference.getNewDocID(url));
      } else {
        assertThat(ids.getDocId(url)).isEqualTo(reference.getDocId(url));
        assertThat(ids.isSeenBefore(url)).isEqualTo(reference.isSeenBefore(url));
      }
    }
    ids.addUrlAndDocId("http://news.test/seen", 10_000);
    reference.addUrlAndDocId("http://news.test/seen", 10_000);
    assertThat(ids.getNewDocID("http://news.test/next")).isEqualTo(reference.getNewDocID("http://news.test/next"))
        .isEqualTo(10_001);
    reference.close();
    ids.close();
  }

  private static WebURL url(Random random, List<WebURL> made) {
    WebURL w = new WebURL();
    int id = made.size() + 1;
    w.setURL("http://news.test/" + random.nextInt(1000) + "/story-" + id);
    w.setDocid(random.nextInt(10) == 0 ? 100_000 + random.nextInt(1 << 20) : id);
    w.setParentDocid(random.nextInt(50));
    w.setParentUrl(random.nextBoolean() ? null : "http://news.test/section-" + random.nextInt(5));
    w.setDepth((short) random.nextInt(random.nextInt(10) == 0 ? 300 : 4));
    w.setPriority((byte) (random.nextInt(5) == 0 ? 1 : 0));
    w.setAnchor(random.nextBoolean() ? null : "story " + id);
    made.add(w);
    return w;
  }

  private static List<String> fields(List<WebURL> urls) {
    List<String> out = new ArrayList<>();
    for (WebURL w : urls) {
      out.add(w.getURL() + " " + w.getDocid() + " " + w.getParentDocid() + " " + w.getParentUrl() + " " + w.getDepth()
          + " " + w.getPriority() + " " + w.getAnchor() + " " + w.getDomain() + " " + w.getSubDomain() + " "
          + w.getPath());
    }
    return out;
  }
}

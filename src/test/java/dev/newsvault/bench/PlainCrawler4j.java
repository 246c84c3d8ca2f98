package dev.newsvault.bench;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crawl benchmark's baseline: plain crawler4j counting pages (no cleaning, no archive), either with its
 * default Tika parser or with the jsoup parser newsvault uses.
 *
 * <p>Usage: {@code PlainCrawler4j default|jsoup SEED_URL STORAGE_DIR THREADS}
 */
public final class PlainCrawler4j {

  static final AtomicInteger PAGES = new AtomicInteger();
  static volatile String prefix;

  /** Visits everything under the seed and counts the pages. */
  public static final class Counter extends WebCrawler {
    @Override
    public boolean shouldVisit(Page referringPage, WebURL url) {
      return url.getURL().startsWith(prefix);
    }

    @Override
    public void visit(Page page) {
      PAGES.incrementAndGet();
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String seed = args[1];
    prefix = seed.substring(0, seed.indexOf('/', "http://".length()));
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(args[2]);
    config.setPolitenessDelay(0);
    config.setMaxDepthOfCrawling(-1);
    config.setMaxPagesToFetch(-1);
    config.setThreadMonitoringDelaySeconds(1);
    config.setThreadShutdownDelaySeconds(1);
    config.setCleanupDelaySeconds(1);
    int threads = Integer.parseInt(args[3]);
    PageFetcher fetcher = new PageFetcher(config);
    RobotstxtConfig rc = new RobotstxtConfig();
    RobotstxtServer robots = new RobotstxtServer(rc, fetcher);
    Parser parser = mode.equals("jsoup") ? JsoupLinkParser.create(config) : new Parser(config);
    CrawlController controller = new CrawlController(config, fetcher, parser, robots);
    controller.addSeed(seed);
    long t0 = System.nanoTime();
    controller.start(Counter.class, threads);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("crawler4j-%s: pages %d, seconds %.2f, pages/s %.1f%n", mode, PAGES.get(), s, PAGES.get() / s);
  }
}

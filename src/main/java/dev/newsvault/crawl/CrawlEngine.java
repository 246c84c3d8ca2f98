package dev.newsvault.crawl;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawler4j run and everything it owns: its controller, its BerkeleyDB environment in a folder no other
 * run uses (crawler4j opens it; the queue and doc ids it would keep there are kept in memory), and its threads.
 * {@link #close()} returns only when all of them are gone and the folder is deleted, so nothing of a crawl
 * outlives it: a long-running {@code schedule} does not collect one environment per round, and no later crawl
 * can find a folder whose environment is still open.
 *
 * <p>The threads BerkeleyDB starts for the environment (checkpointer, cleaner, compressor, evictor) are
 * noted as it opens, and the crawler threads as crawler4j creates them, which is how {@link #close()} knows
 * they have all ended; crawler4j's monitor thread ends right after it closes the environment.
 */
final class CrawlEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlEngine.class);
  /** How long {@link #close()} waits for crawler4j to end before leaving it to finish in the background. */
  static final long CLOSE_WAIT_MS = 60_000;

  private final ThreadGroup group;
  private final List<Thread> environmentThreads;
  private final Path folder;
  private final CrawlConfig config;
  private final Controller controller;
  private final List<WebCrawler> crawlers = new CopyOnWriteArrayList<>();
  private volatile boolean started;
  private boolean closed;

  /**
   * crawler4j's controller, with its queue and doc ids in memory ({@link QueueFrontier}, {@link DocIds}) and a way to
   * see whether its environment is closed.
   */
  private static final class Controller extends CrawlController {
    Controller(CrawlConfig config, PageFetcher fetcher, Parser parser, RobotstxtServer robots) throws Exception {
      super(config, fetcher, parser, robots);
      // Swapped before any crawler thread exists (each takes them from the controller as it starts).
      frontier.close();
      setFrontier(new QueueFrontier(env, config));
      docIdServer.close();
      setDocIdServer(new DocIds(env, config));
    }

    boolean environmentClosed() {
      return !env.isValid();
    }

    /** Closes what the constructor opened, for a controller that was never started (its monitor does it otherwise). */
    void closeUnstarted() {
      getFrontier().close();
      getDocIdServer().close();
      env.close();
    }
  }

  private CrawlEngine(ThreadGroup group, Path folder, CrawlConfig config, Controller controller) {
    this.group = group;
    this.environmentThreads = threads(group);
    this.folder = folder;
    this.config = config;
    this.controller = controller;
  }

  /** Opens crawler4j's environment in {@code folder} (which must be this run's own). */
  static CrawlEngine open(String name, Path folder, CrawlConfig config, PageFetcher fetcher, Parser parser,
      RobotstxtServer robots) throws Exception {
    // The environment's threads join the group of the thread that opens it; crawler4j's join the group of
    // the thread that starts it. Threads other libraries start lazily from crawler threads (OkHttp's) join
    // it too, which is why only the ones noted here are waited for.
    ThreadGroup group = new ThreadGroup("crawl-engine-" + name);
    Controller c = inGroup(group, () -> new Controller(config, fetcher, parser, robots));
    return new CrawlEngine(group, folder, config, c);
  }

  /** Starts {@code threads} crawler threads; returns at once. */
  void start(Supplier<? extends WebCrawler> factory, int threads) throws Exception {
    started = true;
    inGroup(group, () -> {
      controller.startNonBlocking(() -> {
        WebCrawler w = factory.get();
        crawlers.add(w);
        return w;
      }, threads);
      return null;
    });
  }

  /** Hands a URL to crawler4j's queue. */
  void schedule(String url) {
    WebURL w = new WebURL();
    w.setURL(url);
    w.setDepth((short) 0);
    w.setDocid(controller.getDocIdServer().getNewDocID(url));
    controller.getFrontier().schedule(w);
  }

  boolean finished() {
    return controller.isFinished();
  }

  /** Asks crawler4j to stop handing out URLs; threads finish the page they are on. Returns at once. */
  void shutdown() {
    if (!controller.isShuttingDown()) {
      controller.shutdown();
    }
  }

  /**
   * Whether crawler4j has nothing to do: its queue is empty and no crawler thread holds a URL. A URL newsvault
   * accepted that is still unrecorded then has been lost by crawler4j.
   */
  boolean idle() {
    // Threads first: while any works (nearly always, in a running crawl) the queue is not counted, which
    // costs BerkeleyDB a walk of the queue.
    for (WebCrawler w : crawlers) {
      Thread t = w.getThread();
      if (t != null && t.isAlive() && w.isNotWaitingForNewURLs()) {
        return false;
      }
    }
    try {
      return controller.getFrontier().getQueueLength() == 0;
    } catch (RuntimeException e) {
      return true; // its queue cannot even be read: nothing more will come out of it
    }
  }

  /** Whether every crawler thread has ended. */
  private boolean crawlersEnded() {
    for (WebCrawler w : crawlers) {
      Thread t = w.getThread();
      if (t != null && t.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /** Whether this run's threads have all ended and its environment is closed. */
  boolean gone() {
    if (!started) {
      return closed;
    }
    return controller.isFinished() && controller.environmentClosed() && crawlersEnded()
        && environmentThreads.stream().noneMatch(Thread::isAlive);
  }

  /**
   * Shuts crawler4j down and waits (deaf to interrupts) until its threads have ended and its environment is
   * closed, then deletes its folder. crawler4j's monitor sleeps its shutdown and clean-up delays (1 s each)
   * to let crawler threads leave the frontier; once they have all ended nothing can touch the frontier any
   * more, so those delays are dropped and the monitor closes down on its next look (at most 1 s).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    shutdown();
    if (!started) {
      controller.closeUnstarted();
      StorageFolders.delete(folder);
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
    boolean hurried = false;
    boolean interrupted = false;
    while (!gone() && System.nanoTime() < deadline) {
      if (!hurried && crawlersEnded()) {
        config.setThreadShutdownDelaySeconds(0);
        config.setCleanupDelaySeconds(0);
        hurried = true;
      }
      interrupted |= Thread.interrupted();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (gone()) {
      StorageFolders.delete(folder);
      return;
    }
    LOG.warn("crawler4j did not close down within {} s (finished {}, environment closed {}, threads {}); its folder"
        + " {} is removed once it has", CLOSE_WAIT_MS / 1000, controller.isFinished(), controller.environmentClosed(),
        threadNames(), folder);
    Thread later = new Thread(() -> {
      controller.waitUntilFinish();
      while (!gone()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      StorageFolders.delete(folder);
    }, "crawl-cleanup");
    later.setDaemon(true);
    later.start();
  }

  private String threadNames() {
    StringBuilder b = new StringBuilder();
    for (Thread t : threads(group)) {
      b.append(b.length() == 0 ? "" : ", ").append(t.getName());
    }
    return b.toString();
  }

  private static List<Thread> threads(ThreadGroup group) {
    Thread[] all = new Thread[group.activeCount() + 8];
    int n = group.enumerate(all, true);
    return List.of(java.util.Arrays.copyOf(all, n));
  }

  /** Runs {@code work} in a short-lived thread of {@code group}, so the threads it starts join the group. */
  private static <T> T inGroup(ThreadGroup group, Callable<T> work) throws Exception {
    FutureTask<T> task = new FutureTask<>(work);
    Thread t = new Thread(group, task, group.getName() + "-start");
    t.setDaemon(true);
    t.start();
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }
}

package dev.newsvault.crawl;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.FrontierEntry;
import dev.newsvault.archive.FrontierState;
import dev.newsvault.archive.RunSummary;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls from start URLs into an archive, with crawler4j as the link-following engine. The programmatic entry
 * point for the crawl command, the demo and the scheduler:
 *
 * <pre>{@code
 * CrawlResult r = Crawler.run(settings, archive, extractor, startUrls, CrawlListener.NONE);
 * }</pre>
 *
 * or, to watch progress or stop it from another thread, {@code new Crawler(...)}, then {@link #run(List)},
 * {@link #progress()} and {@link #stop()}.
 *
 * <p>Resuming: every accepted link is noted in the archive's frontier and marked done once fetched. When
 * {@code resumable} is on and the crawl that last wrote the frontier did not finish, the queued URLs are
 * crawled again with their depths, and nothing done is fetched twice; otherwise the frontier starts empty.
 */
public final class Crawler {

  private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

  private final Settings settings;
  private final Archive archive;
  private final ArticleExtractor extractor;
  private final CrawlListener listener;
  private final OkHttpClient client;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicReference<ArchiveException> archiveFailure = new AtomicReference<>();
  private volatile CrawlCounters counters;
  private volatile CrawlController controller;
  private boolean fresh;
  private String kind = "crawl";

  public Crawler(Settings settings, Archive archive, ArticleExtractor extractor, CrawlListener listener) {
    this(settings, archive, extractor, listener, HttpClients.create(settings));
  }

  /** A crawler using the process's shared OkHttp client. */
  public Crawler(Settings settings, Archive archive, ArticleExtractor extractor, CrawlListener listener,
      OkHttpClient client) {
    this.settings = settings;
    this.archive = archive;
    this.extractor = extractor;
    this.listener = listener == null ? CrawlListener.NONE : listener;
    this.client = client;
  }

  /** Crawls {@code starts} (plus any interrupted crawl's queue) and returns when the crawl is over. */
  public static CrawlResult run(Settings settings, Archive archive, ArticleExtractor extractor,
      List<StartUrl> starts, CrawlListener listener) throws ArchiveException {
    return new Crawler(settings, archive, extractor, listener).run(starts);
  }

  /** Start over: forget an interrupted crawl's frontier instead of resuming it. */
  public Crawler fresh(boolean fresh) {
    this.fresh = fresh;
    return this;
  }

  /** The run kind written to the archive (crawl, demo, schedule). */
  public Crawler kind(String kind) {
    this.kind = kind;
    return this;
  }

  /** Counts so far; zeros before {@link #run} starts. */
  public CrawlProgress progress() {
    CrawlCounters c = counters;
    return c == null ? new CrawlCounters().snapshot() : c.snapshot();
  }

  /**
   * Stops the crawl: pages being fetched are finished and archived, queued ones stay in the frontier for a
   * resumed crawl, and the run is marked interrupted. Returns at once; {@link #awaitDone} waits.
   */
  public void stop() {
    if (stopping.compareAndSet(false, true)) {
      CrawlController c = controller;
      if (c != null) {
        c.shutdown();
      }
    }
  }

  /** Waits until a running {@link #run} has recorded its end in the archive; false on timeout. */
  public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
    return done.await(timeout, unit);
  }

  /** Crawls and returns when the frontier is empty, the page limit is reached, or {@link #stop} was called. */
  public CrawlResult run(List<StartUrl> starts) throws ArchiveException {
    try {
      return crawl(starts);
    } finally {
      done.countDown();
    }
  }

  private CrawlResult crawl(List<StartUrl> starts) throws ArchiveException {
    FrontierState state = new FrontierState(archive);
    Optional<String> last = state.lastRunStatus();
    List<FrontierEntry> queued = List.of();
    Set<String> doneBefore = Set.of();
    boolean resume = false;
    if (settings.resumable() && !fresh && last.isPresent() && !last.get().equals("finished")) {
      queued = archive.queued();
      resume = !queued.isEmpty();
      if (resume) {
        doneBefore = state.doneUrls();
      }
    }
    if (!resume) {
      archive.clearFrontier();
    }
    counters = new CrawlCounters();
    long runId = archive.startRun(kind, describe(starts, queued.size()));
    CrawlFrontier frontier = new CrawlFrontier(doneBefore, settings.maxPages());
    Map<String, CrawlStart> byUrl = new LinkedHashMap<>();
    for (StartUrl s : starts) {
      byUrl.putIfAbsent(s.url(), new CrawlStart(s));
    }
    HostGate gate = new HostGate(settings.politenessDelayMs());
    RobotsPolicy robots = new RobotsPolicy(client, settings, gate);
    PageFetcher fetcher = new PageFetcher(client, settings, gate, robots);
    PageRecorder recorder = new PageRecorder(archive, runId, extractor, settings.articleMinWords(), counters,
        listener, frontier);
    NewsCrawler.CrawlContext ctx = new NewsCrawler.CrawlContext(archive, runId, frontier,
        new LinkFilter(settings), robots, recorder, stopping::get, this::archiveFailed);
    int scheduled = 0;
    boolean interrupted = false;
    try {
      CrawlController c = controller(fetcher, frontier, new HostQueueing(gate), storageFolder(runId));
      controller = c;
      Map<String, CrawlStart> forLabel = new HashMap<>(byUrl);
      for (FrontierEntry e : queued) {
        CrawlStart start = forLabel.computeIfAbsent(e.seed() == null ? e.url() : e.seed(),
            u -> new CrawlStart(StartUrl.of(u, settings)));
        if (frontier.accept(e.url(), new CrawlFrontier.Origin(start, e.depth()))) {
          schedule(c, e.url());
          scheduled++;
        }
      }
      for (CrawlStart s : byUrl.values()) {
        if (frontier.accept(s.start.url(), new CrawlFrontier.Origin(s, 0))) {
          archive.discovered(s.start.url(), 0, s.start.url(), runId);
          schedule(c, s.start.url());
          scheduled++;
        }
      }
      archive.flush();
      if (stopping.get()) {
        c.shutdown();
      } else {
        c.startNonBlocking(() -> new NewsCrawler(ctx), settings.threads());
        try {
          awaitEnd(c, frontier);
        } catch (InterruptedException e) {
          // An interrupted thread (a scheduler shutting down, SIGTERM) means stop: let the pages in flight be
          // archived and record the run as interrupted, then hand the interrupt back to the caller.
          interrupted = true;
          stop();
          awaitStopped(c);
        }
      }
    } catch (ArchiveException e) {
      finish(runId, "failed");
      throw e;
    } catch (Exception e) {
      finish(runId, "failed");
      throw new IllegalStateException("the crawl engine failed: " + e, e);
    } finally {
      controller = null;
    }
    ArchiveException broken = archiveFailure.get();
    if (broken != null) {
      throw broken;
    }
    String status = stopping.get() ? "interrupted" : "finished";
    finish(runId, status);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (frontier.limitReached()) {
      LOG.info("max.pages={} reached; links beyond it were not followed", settings.maxPages());
    }
    return new CrawlResult(runId, status, counters.snapshot(), resume, scheduled);
  }

  private void archiveFailed(ArchiveException e) {
    if (archiveFailure.compareAndSet(null, e)) {
      LOG.error("stopping the crawl: {}", e.getMessage());
      stop();
    }
  }

  private void finish(long runId, String status) throws ArchiveException {
    CrawlProgress p = counters.snapshot();
    archive.finishRun(runId, new RunSummary(status, p.fetched(), p.archived(), p.skipped(), p.failed()));
    archive.flush();
  }

  private static void schedule(CrawlController c, String url) {
    WebURL w = new WebURL();
    w.setURL(url);
    w.setDepth((short) 0);
    w.setDocid(c.getDocIdServer().getNewDocID(url));
    c.getFrontier().schedule(w);
  }

  /**
   * Waits for the crawl to end. crawler4j notices an empty frontier only after several seconds of polling and
   * delays; newsvault knows it sooner (every accepted URL recorded) and lets crawler4j close down in the
   * background. When stopped, it waits for crawler4j so the pages being fetched are archived first.
   */
  private void awaitEnd(CrawlController c, CrawlFrontier frontier) throws InterruptedException {
    while (!c.isFinished()) {
      if (!stopping.get() && frontier.drained()) {
        c.shutdown();
        return;
      }
      Thread.sleep(20);
    }
  }

  /** After an interrupt: waits, deaf to further interrupts, up to a minute for crawler4j's threads to end. */
  private static void awaitStopped(CrawlController c) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!c.isFinished() && System.nanoTime() < deadline) {
      Thread.interrupted(); // a repeated interrupt says nothing new; clear it so parking works
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private CrawlController controller(PageFetcher fetcher, CrawlFrontier frontier, HostQueueing queueing,
      Path storage) throws Exception {
    CrawlConfig4j cfg = new CrawlConfig4j(settings, storage);
    CrawlPageFetcher pf = new CrawlPageFetcher(cfg.config(), fetcher, stopping::get, frontier, queueing);
    RobotstxtConfig rc = new RobotstxtConfig();
    // robots.txt is RobotsPolicy's job (RFC 9309: 5xx means disallow); crawler4j's treats 5xx as allow-all.
    rc.setEnabled(false);
    rc.setUserAgentName(settings.robotsAgent());
    CrawlController c = new CrawlController(cfg.config(), pf, new JsoupParser(cfg.config()),
        new RobotstxtServer(rc, pf));
    Thread cleaner = new Thread(() -> {
      c.waitUntilFinish();
      StorageFolders.delete(storage);
    }, "crawl-cleanup");
    cleaner.setDaemon(true);
    cleaner.start();
    return c;
  }

  /** crawler4j's working folder for this run (newsvault resumes from SQLite, never from it). */
  private Path storageFolder(long runId) throws ArchiveException {
    String name = archive.file().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    Path parent = settings.workDir().resolve("crawl-" + name).toAbsolutePath();
    try {
      return StorageFolders.fresh(parent, runId);
    } catch (IOException e) {
      throw new ArchiveException("cannot create the crawl work folder in " + parent + ": " + e.getMessage()
          + " (set work.dir to a writable folder)", e);
    }
  }

  private static String describe(List<StartUrl> starts, int queued) {
    StringBuilder b = new StringBuilder();
    b.append(starts.size()).append(starts.size() == 1 ? " start URL" : " start URLs");
    if (queued > 0) {
      b.append(", resuming ").append(queued).append(" queued");
    }
    if (!starts.isEmpty()) {
      b.append(": ").append(starts.get(0).url());
      if (starts.size() > 1) {
        b.append(", …");
      }
    }
    return b.toString();
  }
}

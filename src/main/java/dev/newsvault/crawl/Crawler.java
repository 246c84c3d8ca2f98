package dev.newsvault.crawl;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.FrontierEntry;
import dev.newsvault.archive.FrontierState;
import dev.newsvault.archive.RunSummary;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.fetch.SiteRequests;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
  /** How long crawler4j may sit idle, nothing queued, while accepted URLs are unrecorded, before the crawl ends. */
  static final long IDLE_LIMIT_MS = 10_000;

  private final Settings settings;
  private final Archive archive;
  private final ArticleExtractor extractor;
  private final CrawlListener listener;
  private final OkHttpClient client;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicReference<ArchiveException> archiveFailure = new AtomicReference<>();
  private volatile CrawlCounters counters;
  private volatile CrawlEngine engine;
  private Predicate<String> engineLoses = url -> false;
  private Duration extractionBudget = ExtractionWatchdog.BUDGET;
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
    // an archived article met again is a new version only when the page changed, not when the extractor did
    archive.judgeUpgradesWith(extractor);
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

  /** For tests: crawler4j is never handed the start URLs {@code loses} matches, as if it had lost them. */
  Crawler losing(Predicate<String> loses) {
    this.engineLoses = loses;
    return this;
  }

  /** For tests: how long one page's extraction may take (default {@link ExtractionWatchdog#BUDGET}). */
  Crawler extractionBudget(Duration budget) {
    this.extractionBudget = budget;
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
      CrawlEngine e = engine;
      if (e != null) {
        e.shutdown();
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
    SiteRequests sites = SiteRequests.of(settings);
    for (StartUrl s : starts) {
      sites = sites.withSeed(UrlScope.host(s.url()), s.requests(), s.label());
    }
    PageFetcher fetcher = new PageFetcher(client, settings, gate, robots, sites);
    PageRendering rendering = new PageRendering(settings, gate, sites);
    ExtractionWatchdog watchdog = new ExtractionWatchdog(extractor, extractionBudget);
    PageRecorder recorder = new PageRecorder(archive, runId, watchdog, settings.articleMinWords(), counters,
        listener, frontier);
    NewsCrawler.CrawlContext ctx = new NewsCrawler.CrawlContext(archive, runId, frontier,
        new LinkFilter(settings), robots, recorder, stopping::get, this::archiveFailed);
    int scheduled = 0;
    boolean interrupted = false;
    CrawlEngine engine = null;
    try {
      engine = engine(fetcher, rendering, frontier, new HostQueueing(gate), runId);
      this.engine = engine;
      Map<String, CrawlStart> forLabel = new HashMap<>(byUrl);
      for (FrontierEntry e : queued) {
        CrawlStart start = forLabel.computeIfAbsent(e.seed() == null ? e.url() : e.seed(),
            u -> new CrawlStart(StartUrl.of(u, settings)));
        if (frontier.accept(e.url(), new CrawlFrontier.Origin(start, e.depth()))) {
          schedule(engine, e.url());
          scheduled++;
        }
      }
      for (CrawlStart s : byUrl.values()) {
        if (frontier.accept(s.start.url(), new CrawlFrontier.Origin(s, 0))) {
          archive.discovered(s.start.url(), 0, s.start.url(), runId);
          schedule(engine, s.start.url());
          scheduled++;
        }
      }
      archive.flush();
      if (!stopping.get()) {
        engine.start(() -> new NewsCrawler(ctx), settings.threads());
        try {
          awaitEnd(engine, frontier);
        } catch (InterruptedException e) {
          // An interrupted thread (a scheduler shutting down, SIGTERM) means stop: let the pages in flight be
          // archived and record the run as interrupted, then hand the interrupt back to the caller.
          interrupted = true;
          stop();
        }
      }
      engine.close();
      if (!stopping.get() && archiveFailure.get() == null) {
        recordDropped(frontier, recorder);
      }
    } catch (ArchiveException e) {
      closeQuietly(engine);
      finish(runId, "failed");
      throw e;
    } catch (Exception e) {
      closeQuietly(engine);
      finish(runId, "failed");
      throw new IllegalStateException("the crawl engine failed: " + e, e);
    } finally {
      this.engine = null;
      watchdog.close();
      rendering.close();
    }
    ArchiveException broken = archiveFailure.get();
    if (broken != null) {
      throw broken;
    }
    String status = stopping.get() ? "interrupted" : endStatus(counters.snapshot());
    finish(runId, status);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (frontier.limitReached()) {
      LOG.info("max.pages={} reached; links beyond it were not followed", settings.maxPages());
    }
    return new CrawlResult(runId, status, counters.snapshot(), resume, scheduled);
  }

  /**
   * How a crawl that ran to its end went, in the words {@code stats}, {@code status} and the schedule all use:
   * {@code failed} when every URL it tried failed and nothing was archived, {@code partial} when some failed,
   * else {@code finished}.
   */
  static String endStatus(CrawlProgress p) {
    if (p.failed() > 0 && p.archived() == 0) {
      return "failed";
    }
    return p.failed() > 0 ? "partial" : "finished";
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

  /** Hands a URL to crawler4j, unless a test makes the engine lose it. */
  private void schedule(CrawlEngine engine, String url) {
    if (!engineLoses.test(url)) {
      engine.schedule(url);
    }
  }

  /**
   * Waits for the crawl to end. crawler4j notices an empty frontier only after several seconds of polling and
   * delays; newsvault knows it sooner (every accepted URL recorded). A URL crawler4j lost never comes back, so
   * the wait also ends when crawler4j has ended, or has sat idle with nothing queued for {@value #IDLE_LIMIT_MS}
   * ms, while URLs are still unrecorded. When stopped, it waits until the pages being fetched are archived.
   */
  private void awaitEnd(CrawlEngine engine, CrawlFrontier frontier) throws InterruptedException {
    long idleSince = 0;
    while (!engine.finished()) {
      if (!stopping.get() && frontier.drained()) {
        return;
      }
      long now = System.nanoTime();
      if (!engine.idle()) {
        idleSince = 0;
      } else if (idleSince == 0) {
        idleSince = now;
      } else if (now - idleSince > TimeUnit.MILLISECONDS.toNanos(IDLE_LIMIT_MS)) {
        LOG.warn("crawler4j has been idle for {} s with URLs still unrecorded; ending the crawl",
            IDLE_LIMIT_MS / 1000);
        return;
      }
      Thread.sleep(20);
    }
  }

  /** URLs accepted but never handed back by crawler4j: recorded as failed so the run ends honestly. */
  private void recordDropped(CrawlFrontier frontier, PageRecorder recorder) throws ArchiveException {
    for (String url : frontier.pendingUrls()) {
      LOG.warn("the crawl engine lost {} without fetching it; recorded as failed (kind dropped)", url);
      recorder.record(Capture.failed(url, Instant.now(), FetchFailure.of(FetchFailure.Kind.DROPPED,
          "the crawl engine (crawler4j) lost " + url + " without fetching it; the next crawl tries it again")),
          null);
    }
  }

  private static void closeQuietly(CrawlEngine engine) {
    if (engine != null) {
      try {
        engine.close();
      } catch (RuntimeException e) {
        LOG.warn("cannot close the crawl engine: {}", e.toString());
      }
    }
  }

  private CrawlEngine engine(PageFetcher fetcher, PageRendering rendering, CrawlFrontier frontier,
      HostQueueing queueing, long runId) throws Exception {
    Path storage = storageFolder(runId);
    CrawlConfig4j cfg = new CrawlConfig4j(settings, storage);
    CrawlPageFetcher pf = new CrawlPageFetcher(cfg.config(), fetcher, stopping::get, frontier, queueing, rendering);
    RobotstxtConfig rc = new RobotstxtConfig();
    // robots.txt is RobotsPolicy's job (RFC 9309: 5xx means disallow); crawler4j's treats 5xx as allow-all.
    rc.setEnabled(false);
    rc.setUserAgentName(settings.robotsAgent());
    try {
      return CrawlEngine.open(storage.getFileName().toString(), storage, cfg.config(), pf,
          new JsoupParser(cfg.config(), frontier::known), new RobotstxtServer(rc, pf));
    } catch (Exception e) {
      StorageFolders.delete(storage);
      throw e;
    }
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

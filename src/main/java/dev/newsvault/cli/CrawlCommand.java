package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.Settings;
import dev.newsvault.crawl.CrawlListener;
import dev.newsvault.crawl.CrawlProgress;
import dev.newsvault.crawl.CrawlResult;
import dev.newsvault.crawl.Crawler;
import dev.newsvault.crawl.ProgressPrinter;
import dev.newsvault.crawl.StartUrl;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.schedule.SeedStarts;
import dev.newsvault.seed.SeedList;
import dev.newsvault.seed.SeedProblem;
import dev.newsvault.seed.SeedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsvault crawl}: crawl from the seed files into the archive, resuming an interrupted crawl. */
@Command(name = "crawl", mixinStandardHelpOptions = true, description = {
    "Crawl the seed URLs (--seeds FILE, a seed file given after the command, or config key 'seeds') into the archive, following links within each seed's scope and"
        + " depth. Ctrl-C stops cleanly; the next crawl resumes where it stopped (unless --fresh).",
    "Exit code 0 when the crawl ran (failed pages are recorded in the archive); 1 when no seed was usable, or"
        + " nothing could be archived because every URL failed (offline, wrong host names); 4 when the archive's"
        + " folder does not exist or the archive cannot be written."})
public final class CrawlCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = "--fresh", description = "Start from the seeds even if the last crawl was interrupted.")
  boolean fresh;

  @Mixin SeedsOption seedsOption;

  @Parameters(arity = "0..1", paramLabel = "SEEDS",
      description = "A seed file or folder to crawl, the same as --seeds SEEDS.")
  Path seedsArgument;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (seedsOption.seeds != null && seedsArgument != null && !seedsOption.seeds.equals(seedsArgument)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "two seed lists given: --seeds "
          + seedsOption.seeds + " and " + seedsArgument + "; name one (a folder of seed files crawls them all)");
    }
    config.seeds(seedsArgument != null ? seedsArgument : seedsOption.seeds);
    Settings s = config.settingsWithSeeds();
    SeedList seeds = SeedReader.read(s.seeds());
    for (SeedProblem p : seeds.problems()) {
      err.println("newsvault: skipped seed " + p);
    }
    err.flush();
    OkHttpClient client = HttpClients.create(s);
    try (Archive archive = Archive.openInExistingFolder(s.database());
        Notifications notices = Notifications.start(s, archive, err)) {
      List<StartUrl> starts = startUrls(s, seeds, archive, client, err);
      ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.fromProperties(s.group("extract.")));
      Crawler crawler = new Crawler(s, archive, extractor, CrawlListener.NONE, client).fresh(fresh);
      CountDownLatch reported = new CountDownLatch(1);
      Thread hook = new Thread(() -> stopOnSignal(crawler, reported), "crawl-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        CrawlResult r;
        try (ProgressPrinter progress = new ProgressPrinter(out, System.console() != null,
            s.progressIntervalSeconds(), crawler::progress)) {
          if (starts.isEmpty()) {
            out.println("No usable seeds in " + s.seeds() + "; resuming the interrupted crawl if there is one.");
            out.flush();
          }
          r = crawler.run(starts);
        }
        summary(out, r, archive);
        return starts.isEmpty() && r.started() == 0 || r.allFailed() != null ? ExitCodes.PARTIAL : ExitCodes.OK;
      } finally {
        reported.countDown();
        removeHook(hook);
      }
    }
  }

  /**
   * Page seeds as they are; feed and sitemap seeds (declared with type=, or recognised by their URL) fetched
   * and expanded into the articles they list. Discovery problems are reported and do not stop the crawl.
   */
  private static List<StartUrl> startUrls(Settings s, SeedList seeds, Archive archive, OkHttpClient client,
      PrintWriter err) throws Exception {
    HostGate gate = new HostGate(s.politenessDelayMs());
    RobotsPolicy robots = new RobotsPolicy(client, s, gate);
    SeedStarts expansion = new SeedStarts(s, archive, new PageFetcher(client, s, gate, robots), robots,
        Clock.systemUTC());
    List<StartUrl> starts = expansion.startUrls(seeds.seeds());
    for (String w : expansion.warnings()) {
      err.println("newsvault: " + w);
    }
    err.flush();
    return starts;
  }

  /** Ctrl-C or SIGTERM: stop the crawl, and keep the JVM alive until the run is recorded and summarised. */
  private static void stopOnSignal(Crawler crawler, CountDownLatch reported) {
    crawler.stop();
    try {
      if (!reported.await(60, TimeUnit.SECONDS)) {
        System.err.println("newsvault: the crawl did not stop within 60 s; pages not yet recorded will be"
            + " fetched again by the next crawl");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down (Ctrl-C): the hook is running and waits for this crawl to be recorded
    }
  }

  private static void summary(PrintWriter out, CrawlResult r, Archive archive) {
    CrawlProgress p = r.progress();
    out.printf(Locale.ROOT, "Crawl run #%d %s%s: tried %,d, archived %,d, skipped %,d, failed %,d;"
            + " articles %,d new, %,d changed%n", r.runId(), r.status(), r.resumed() ? " (resumed)" : "",
        p.fetched(), p.archived(), p.skipped(), p.failed(), p.newArticles(), p.changedArticles());
    out.printf(Locale.ROOT, "  elapsed %.1f s, %.1f pages/s; archive %s (%s)%n", p.elapsed().toMillis() / 1000.0,
        p.pagesPerSecond(), archive.file(), Format.bytes(archiveSize(archive)));
    if (r.interrupted()) {
      out.println("  Interrupted: run the same crawl again to resume it, or add --fresh to start over.");
    }
    if (r.allFailed() != null) {
      out.println("  Nothing archived: " + r.allFailed() + ".");
    }
    if (p.failed() + p.skipped() > 0) {
      out.println("  See './newsvault stats' for failures by kind.");
    }
    out.flush();
  }

  /** The archive's size on disk, its write-ahead log included (it is folded in when the archive closes). */
  private static long archiveSize(Archive archive) {
    long n = 0;
    for (String suffix : new String[] {"", "-wal"}) {
      try {
        n += java.nio.file.Files.size(java.nio.file.Path.of(archive.file() + suffix));
      } catch (java.io.IOException e) {
        // no such file: nothing to add
      }
    }
    return n;
  }
}

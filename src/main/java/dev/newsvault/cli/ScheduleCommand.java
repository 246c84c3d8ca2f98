package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ScheduleQueries;
import dev.newsvault.archive.ScheduleState;
import dev.newsvault.check.ArticleChecker;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.render.BrowserPool;
import dev.newsvault.schedule.Due;
import dev.newsvault.schedule.JobResult;
import dev.newsvault.schedule.ListCrawl;
import dev.newsvault.schedule.RevisitRound;
import dev.newsvault.schedule.ScheduleConfig;
import dev.newsvault.schedule.ScheduledList;
import dev.newsvault.schedule.Scheduler;
import dev.newsvault.schedule.Timing;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsvault schedule}: crawls each seed list on its schedule and re-checks recent articles, in the
 * foreground until SIGTERM / Ctrl-C; {@code --once} runs what is due and exits (for system cron). Holds the
 * archive (and its writer lock) for as long as it runs.
 */
@Command(name = "schedule", description = {
    "Crawl each seed list on its schedule (schedule.<list>.every / .cron) and re-check recent articles as they"
        + " age; runs in the foreground until stopped.",
    "With --once: run what is due now, then exit (for system cron)."})
public final class ScheduleCommand implements Callable<Integer> {

  /** How long a stopped scheduler waits for running crawls to record what they did. */
  static final Duration GRACE = Duration.ofSeconds(60);
  /** With --once, a list due within this much is run now, so a crontab firing on the minute does not miss it. */
  static final Duration ONCE_SLACK = Duration.ofMinutes(1);

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @Mixin SeedsOption seedsOption;

  @Option(names = "--once", description = "Run the seed lists that are due and the due revisits, then exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    config.seeds(seedsOption.seeds);
    Settings settings = config.settings();
    ScheduleConfig sc = ScheduleConfig.from(settings);
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    OkHttpClient client = HttpClients.create(settings);
    try (Archive archive = Archive.openInExistingFolder(settings.database());
        Notifications notices = Notifications.start(settings, archive, spec.commandLine().getErr());
        BrowserPool browsers = BrowserPool.open(settings)) {
      ListCrawl crawl = new ListCrawl(settings, archive, client, clock);
      List<Scheduler.Job> jobs = new ArrayList<>();
      for (ScheduledList l : sc.lists()) {
        jobs.add(new Scheduler.Job(l.name(), l.timing(), () -> crawl.crawl(l)));
      }
      if (sc.revisit().enabled()) {
        HostGate gate = new HostGate(settings.politenessDelayMs());
        PageFetcher fetcher = new PageFetcher(client, settings, gate, new RobotsPolicy(client, settings, gate));
        ArticleChecker checker = new ArticleChecker(settings, archive, fetcher,
            new ArticleExtractor(ExtractionRules.fromProperties(settings.group("extract.")))).rendering(browsers);
        RevisitRound round = new RevisitRound(archive, sc.revisit(),
            (runId, url) -> checker.check(runId, url).outcome(), clock);
        jobs.add(new Scheduler.Job(ScheduleConfig.REVISITS, new Timing.Every(sc.revisit().every()), round::run));
      }
      ScheduleQueries store = new ScheduleQueries(archive);
      Scheduler scheduler = new Scheduler(jobs, store, clock);
      return once ? once(scheduler, sc, jobs, store, clock, out) : foreground(scheduler, crawl, sc, out);
    }
  }

  private int once(Scheduler scheduler, ScheduleConfig sc, List<Scheduler.Job> jobs, ScheduleQueries store,
      Clock clock, PrintWriter out) throws Exception {
    Map<String, Instant> last = new HashMap<>();
    for (ScheduleState s : store.states().values()) {
      if (s.lastStarted() != null && !s.crashed()) {
        last.put(s.name(), Instant.parse(s.lastStarted()));
      }
    }
    List<String> due = new ArrayList<>(Due.lists(sc.lists(), last, clock.instant(), ONCE_SLACK).stream()
        .map(ScheduledList::name).toList());
    if (sc.revisit().enabled()) {
      due.add(ScheduleConfig.REVISITS);
    }
    List<Scheduler.Job> run = jobs.stream().filter(j -> due.contains(j.name())).toList();
    if (run.stream().noneMatch(j -> !j.name().equals(ScheduleConfig.REVISITS))) {
      out.println("No seed list is due; './newsvault status' shows when each runs next.");
    }
    List<JobResult> results = scheduler.withoutRunLog().runNow(run); // each result is printed below
    boolean failed = false;
    for (int i = 0; i < run.size(); i++) {
      JobResult r = results.get(i);
      out.printf("%s: %s: %s%n", run.get(i).name(), r.outcome(), r.summary());
      failed |= r.outcome().equals("failed");
    }
    out.flush();
    return failed ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  private int foreground(Scheduler scheduler, ListCrawl crawl, ScheduleConfig sc, PrintWriter out)
      throws InterruptedException {
    out.printf("newsvault schedule: %d seed lists, revisits %s; stop with Ctrl-C or SIGTERM%n", sc.lists().size(),
        sc.revisit().enabled() ? "every " + dev.newsvault.schedule.Durations.format(sc.revisit().every()) : "off");
    for (ScheduledList l : sc.lists()) {
      out.printf("  %-20s %s%n", l.name(), l.timing().describe());
    }
    out.flush();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      out.println("newsvault schedule: stopping (signal received); finishing the running crawls and recording them");
      out.flush();
      crawl.stopAll();
      scheduler.stop();
      try {
        finished.await(GRACE.toSeconds() + 10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "schedule-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      scheduler.runUntilStopped(GRACE);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting; the hook is already running and waits for the archive to close
      }
    }
    return ExitCodes.OK;
  }
}

package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.DeliveryRecord;
import dev.newsvault.archive.FeedQueries;
import dev.newsvault.archive.NoticeQueries;
import dev.newsvault.archive.FeedSourceRecord;
import dev.newsvault.archive.RevisitQueries;
import dev.newsvault.archive.RevisitQueueEntry;
import dev.newsvault.archive.ScheduleState;
import dev.newsvault.archive.ScheduleQueries;
import dev.newsvault.archive.Timestamps;
import dev.newsvault.schedule.Durations;
import dev.newsvault.schedule.ScheduleConfig;
import dev.newsvault.schedule.ScheduledList;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsvault status}: each seed list's last and next run, feeds, and the revisit queue. Read-only. */
@Command(name = "status", description = "Show each seed list's last run, next run and outcome, the feeds and"
    + " sitemaps read, and the revisit queue. Read-only: works while 'newsvault schedule' runs.")
public final class StatusCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @Mixin SeedsOption seedsOption;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
      description = "How many upcoming re-checks to list (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    config.seeds(seedsOption.seeds);
    var settings = config.settings();
    ScheduleConfig sc = ScheduleConfig.from(settings);
    PrintWriter out = Terminal.safe(spec.commandLine().getOut()); // archived text came from the web
    Instant now = Instant.now();
    try (Archive archive = Archive.openReadOnly(settings.database())) {
      Map<String, ScheduleState> states = new ScheduleQueries(archive).states();
      out.printf("Archive %s, %s%n%n", archive.file(), Timestamps.seconds(now));
      out.printf("%-20s %-26s %-12s %-22s %-22s %s%n", "list", "schedule", "outcome", "last run", "next run",
          "summary");
      for (ScheduledList l : sc.lists()) {
        ScheduleState s = states.get(l.name());
        Instant last = s == null || s.lastStarted() == null ? null : Instant.parse(s.lastStarted());
        Instant next = s != null && s.nextRun() != null ? Instant.parse(s.nextRun()) : l.timing().next(last, now);
        out.printf("%-20s %-26s %-12s %-22s %-22s %s%n", l.name(), l.timing().describe(),
            s == null || s.lastOutcome() == null ? "never run" : s.lastOutcome(),
            last == null ? "-" : Format.time(last.toString()), next.isAfter(now) ? Format.time(next.toString()) : "due now", s == null || s.lastSummary() == null ? "" : s.lastSummary());
      }
      ScheduleState rv = states.get(ScheduleConfig.REVISITS);
      out.println();
      if (!sc.revisit().enabled()) {
        out.println("Revisits: off (schedule.revisit.enabled=false)");
      } else {
        out.printf("Revisits: every %s, first after %s, x%s up to %s, for %s; last round %s%s%n",
            Durations.format(sc.revisit().every()), Durations.format(sc.revisit().min()),
            trim(sc.revisit().factor()), Durations.format(sc.revisit().max()), Durations.format(sc.revisit().maxAge()),
            rv == null || rv.lastStarted() == null ? "never" : Format.time(rv.lastStarted()) + " (" + rv.lastOutcome() + ")",
            rv == null || rv.lastSummary() == null ? "" : ": " + rv.lastSummary());
      }
      RevisitQueries q = new RevisitQueries(archive);
      long[] counts = q.counts(now);
      out.printf("  %,d articles under revisit, %,d due now%n", counts[1], counts[0]);
      List<RevisitQueueEntry> upcoming = q.upcoming(limit);
      for (RevisitQueueEntry e : upcoming) {
        out.printf("  %-22s every %-7s %2d checks %2d changes  %s%s%n", Format.time(e.nextCheck()),
            Durations.format(Duration.ofSeconds(e.intervalSeconds())), e.checks(), e.changes(), e.url(),
            e.title() == null ? "" : "  \"" + e.title() + "\"");
      }
      FeedQueries feeds = new FeedQueries(archive);
      List<FeedSourceRecord> sources = feeds.sources();
      if (!sources.isEmpty()) {
        out.printf("%nFeeds and sitemaps: %d read, %,d article URLs listed%n", sources.size(), feeds.entryCount());
        for (FeedSourceRecord f : sources) {
          out.printf("  %-8s %-4s %5d  %s%s%s%n", f.kind(), f.lastStatus() == 0 ? "-" : f.lastStatus(), f.entries(),
              f.url(), f.title() == null ? "" : "  \"" + f.title() + "\"", f.problem() == null ? "" : "  ! " + f.problem());
        }
      }
      notices(out, new NoticeQueries(archive));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** The notice queue: how many deliveries wait, went out or failed, and the failed ones with their error. */
  private void notices(PrintWriter out, NoticeQueries q) throws dev.newsvault.archive.ArchiveException {
    Map<String, Long> c = q.counts();
    out.printf("%nNotices: %,d queued, %,d sent, %,d failed%s%n", c.get("queued"), c.get("sent"), c.get("failed"),
        c.get("unrouted") > 0 ? String.format(", %,d not yet routed to channels", c.get("unrouted")) : "");
    for (DeliveryRecord d : q.inState("failed", limit)) {
      out.printf("  failed  %-12s %2d attempts  %s  ! %s%n", d.channel(), d.attempts(), d.url(), d.lastError());
    }
    for (DeliveryRecord d : q.inState("queued", limit)) {
      out.printf("  queued  %-12s next %s  %s%s%n", d.channel(), Format.time(d.nextAttemptAt()), d.url(),
          d.lastError() == null ? "" : "  ! " + d.lastError());
    }
    if (c.get("failed") > 0) {
      out.println("  './newsvault notify retry' sends the failed ones again.");
    }
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}

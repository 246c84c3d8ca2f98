package dev.newsvault.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.CheckTarget;
import dev.newsvault.archive.RunSummary;
import dev.newsvault.check.ArticleChecker;
import dev.newsvault.check.CheckBatch;
import dev.newsvault.check.ChangeKind;
import dev.newsvault.check.CheckOutcome;
import dev.newsvault.check.CheckProgress;
import dev.newsvault.check.CheckResult;
import dev.newsvault.check.CheckSummary;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.render.BrowserPool;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsvault check}: re-fetch archived articles and report unchanged, changed, gone, moved or error. */
@Command(name = "check", description = {
    "Re-fetch archived articles (conditional GET) and report per URL: unchanged, changed (new version stored),"
        + " gone (404/410), moved (redirect to another URL) or error.",
    "Exit code: 0 nothing changed, 10 something changed, is gone or moved, 1 only errors."})
public final class CheckCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Parameters(paramLabel = "URL", arity = "0..*", description = "Archived article URLs to check.")
  List<String> urls = new ArrayList<>();

  @Option(names = "--all", description = "Check every live article (not gone or moved).")
  boolean all;

  @Option(names = "--site", paramLabel = "HOST", description = "Check the live articles of this host.")
  String site;

  @Option(names = "--since", paramLabel = "DATE",
      description = "Check the live articles first archived on or after DATE (2026-01-31 or an ISO instant).")
  String since;

  @Option(names = "--concurrency", paramLabel = "N", description = "Parallel checks (default: check.concurrency).")
  Integer concurrency;

  @Option(names = "--min-change", paramLabel = "KIND", description = "Report only changes of KIND or more"
      + " significant (typo, byline, number, wording, paragraph_added, paragraph_removed, headline, correction,"
      + " rewrite); smaller edits are still stored as versions.")
  String minChange;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default) or jsonl (one JSON object per URL; the summary goes to stderr).")
  String format;

  @Override
  public Integer call() throws Exception {
    boolean jsonl = switch (format.toLowerCase(Locale.ROOT)) {
      case "table" -> false;
      case "jsonl" -> true;
      default -> throw new IllegalArgumentException("--format takes table or jsonl, not '" + format + "'");
    };
    boolean selects = all || site != null || since != null;
    if (urls.isEmpty() == !selects) {
      throw new IllegalArgumentException(urls.isEmpty()
          ? "name the articles to check: URLs, or --all, --site HOST or --since DATE"
          : "give either URLs or --all / --site / --since, not both");
    }
    if (since != null) {
      validateDate(since);
    }
    ChangeKind floor = minChange == null ? null : ChangeKind.parse(minChange);
    if (concurrency != null && (concurrency < 1 || concurrency > 256)) {
      throw new IllegalArgumentException("--concurrency takes a number from 1 to 256, not " + concurrency);
    }
    Settings settings = config.settings();
    if (!java.nio.file.Files.isRegularFile(settings.database())) {
      throw new dev.newsvault.archive.ArchiveException("no archive at " + settings.database().toAbsolutePath()
          + "; run './newsvault crawl' first, or name another one with --db FILE");
    }
    PrintWriter out = Terminal.safe(spec.commandLine().getOut()); // URLs and details came from the web
    PrintWriter err = spec.commandLine().getErr();
    OkHttpClient client = HttpClients.create(settings);
    // Ctrl-C: the hook stops the batch and waits until the archive is committed and closed.
    AtomicReference<CheckBatch> running = new AtomicReference<>();
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      CheckBatch b = running.get();
      if (b != null) {
        b.stop();
      }
      try {
        closed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "check-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    // no browser starts unless an article to check was rendered when it was archived
    try (Archive archive = Archive.open(settings.database()); BrowserPool browsers = BrowserPool.open(settings);
        Notifications notices = Notifications.start(settings, archive, err)) {
      HostGate gate = new HostGate(settings.politenessDelayMs());
      PageFetcher fetcher = new PageFetcher(client, settings, gate, new RobotsPolicy(client, settings, gate));
      ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.fromProperties(settings.group("extract.")));
      ArticleChecker checker = new ArticleChecker(settings, archive, fetcher, extractor).rendering(browsers);
      Output output = new Output(out, jsonl, floor);
      List<CheckTarget> targets = new ArrayList<>();
      List<CheckResult> unknown = new ArrayList<>();
      if (selects) {
        targets.addAll(checker.liveTargets(site == null ? null : site.toLowerCase(Locale.ROOT), since));
      } else {
        for (String u : new LinkedHashSet<>(urls)) {
          checker.find(u).ifPresentOrElse(targets::add, () -> unknown.add(ArticleChecker.notArchived(u)));
        }
      }
      long runId = archive.startRun("check", description());
      if (selects) {
        String estimate = CheckProgress.estimate(targets, settings.politenessDelayMs());
        if (estimate != null) {
          err.println(estimate);
          err.flush();
        }
        output.progress = new CheckProgress(err, System.console() != null, settings.progressIntervalSeconds(),
            targets.size());
      }
      output.header();
      unknown.forEach(output::row);
      CheckBatch batch = concurrency == null ? checker.batch() : checker.batch(concurrency);
      running.set(batch);
      long t0 = System.nanoTime();
      CheckSummary summary;
      try {
        summary = batch.run(runId, targets, output::row);
      } finally {
        output.closeProgress();
      }
      archive.finishRun(runId, runSummary(summary, unknown.size()));
      String line = summaryLine(summary, unknown.size(), runId, (System.nanoTime() - t0) / 1e9)
          + (output.belowFloor > 0 ? String.format(Locale.ROOT, "; %d change%s below --min-change %s not shown"
              + " (stored as versions)", output.belowFloor, output.belowFloor == 1 ? "" : "s", floor.code()) : "");
      if (jsonl) {
        err.println(line);
      } else {
        out.println();
        out.println(line);
      }
      out.flush();
      err.flush();
      return exitCode(summary, unknown.size(), output.belowFloor);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting (Ctrl-C) and the hook is running: it returns now that the archive is closed
      }
    }
  }

  private String description() {
    if (!urls.isEmpty()) {
      return urls.size() == 1 ? urls.get(0) : urls.size() + " URLs";
    }
    List<String> parts = new ArrayList<>();
    if (all) {
      parts.add("--all");
    }
    if (site != null) {
      parts.add("--site " + site);
    }
    if (since != null) {
      parts.add("--since " + since);
    }
    return String.join(" ", parts);
  }

  private static void validateDate(String s) {
    try {
      LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      try {
        Instant.parse(s);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("--since takes a date such as 2026-01-31 or an instant such as"
            + " 2026-01-31T12:00:00Z, not '" + s + "'");
      }
    }
  }

  /** Changes below --min-change are not news: they alone leave the exit code at 0 (or 1 with errors). */
  static int exitCode(CheckSummary s, int unknown, int belowFloor) {
    if (s.count(CheckOutcome.CHANGED) - belowFloor + s.count(CheckOutcome.GONE) + s.count(CheckOutcome.MOVED) > 0) {
      return ExitCodes.CHANGED;
    }
    return s.count(CheckOutcome.ERROR) + unknown > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  /** fetched: articles re-fetched; archived: new versions; skipped: URLs not in the archive; failed: errors. */
  private static RunSummary runSummary(CheckSummary s, int unknown) {
    // the words of a crawl run: some URLs in error make a partial run, all of them a failed one
    int errors = s.count(CheckOutcome.ERROR);
    String status = s.stopped() ? "interrupted" : errors > 0 && errors == s.total() ? "failed"
        : errors > 0 ? "partial" : "finished";
    return new RunSummary(status, s.total(), s.count(CheckOutcome.CHANGED),
        unknown, s.count(CheckOutcome.ERROR));
  }

  private static String summaryLine(CheckSummary s, int unknown, long runId, double seconds) {
    return String.format(Locale.ROOT, "%s %d: %d unchanged, %d changed, %d gone, %d moved, %d error"
            + " (check run #%d, %.1f s, %s)",
        s.stopped() ? "stopped after" : "checked", s.total() + unknown, s.count(CheckOutcome.UNCHANGED),
        s.count(CheckOutcome.CHANGED), s.count(CheckOutcome.GONE), s.count(CheckOutcome.MOVED),
        s.count(CheckOutcome.ERROR) + unknown, runId, seconds,
        dev.newsvault.config.Plural.rate(s.total() / Math.max(seconds, 1e-3), "URL", "URLs"));
  }

  /** One line per URL: an aligned table, or JSON objects; changes below the floor are counted, not shown. */
  private static final class Output {
    private final PrintWriter out;
    private final boolean jsonl;
    private final ChangeKind floor;
    CheckProgress progress;
    int belowFloor;

    Output(PrintWriter out, boolean jsonl, ChangeKind floor) {
      this.out = out;
      this.jsonl = jsonl;
      this.floor = floor;
    }

    void closeProgress() {
      if (progress != null) {
        progress.close();
      }
    }

    void header() {
      if (!jsonl) {
        out.printf("%-9s  %-8s  %-11s  %s%n", "OUTCOME", "VERSION", "WORDS +/-", "URL");
        out.flush();
      }
    }

    void row(CheckResult r) {
      if (progress != null) {
        progress.done(r);
        progress.clear();
      }
      if (r.outcome() == CheckOutcome.CHANGED && !r.isNews(floor)) {
        belowFloor++;
        return;
      }
      if (jsonl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", r.url());
        m.put("outcome", r.outcome().code());
        m.put("status", r.version() == 0 ? "not_in_archive" : "archived"); // version 0: never archived
        m.put("version", r.version() == 0 ? null : r.version());
        m.put("previous_version", r.previousVersion() == 0 ? null : r.previousVersion());
        m.put("words", r.words());
        m.put("words_added", r.wordsAdded());
        m.put("words_removed", r.wordsRemoved());
        m.put("change_kind", r.change() == null ? null : r.change().kind().code());
        m.put("final_url", r.finalUrl());
        m.put("detail", r.detail());
        try {
          out.println(JSON.writeValueAsString(m));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("cannot write JSON for " + r.url(), e);
        }
      } else {
        String version = r.version() == 0 ? "-"
            : r.version() != r.previousVersion() ? "v" + r.previousVersion() + "->v" + r.version() : "v" + r.version();
        String words = r.outcome() == CheckOutcome.CHANGED ? "+" + r.wordsAdded() + "/-" + r.wordsRemoved() : "";
        out.printf("%-9s  %-8s  %-11s  %s%n", r.outcome().code(), version, words, r.url());
        String note = r.change() == null ? r.detail()
            : r.change().kind().code() + (r.detail() == null ? "" : "; " + r.detail());
        if (note != null) {
          out.printf("%34s%s%n", "", note);
        }
      }
      out.flush();
    }
  }
}

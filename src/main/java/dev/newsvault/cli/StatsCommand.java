package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveStats;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsvault stats}: counts per site, errors by kind, last run. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Show what the archive holds: counts per"
    + " site, failures by kind with the latest failed URLs, last run.")
public final class StatsCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = "--failures", paramLabel = "N", defaultValue = "10",
      description = "How many of the latest failed or skipped fetches to list with their reasons (default 10).")
  int failures;

  /** The stored detail, with the HTTP status in front when the detail does not already give it. */
  private static String reason(ArchiveStats.FailedFetch f) {
    String detail = f.detail() == null ? "" : f.detail();
    String status = "HTTP " + f.status();
    return f.status() <= 0 || detail.contains(status) ? detail : detail.isEmpty() ? status : status + ": " + detail;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Terminal.safe(spec.commandLine().getOut()); // archived text came from the web
    try (Archive archive = Archive.openReadOnly(config.settings().database())) {
      ArchiveStats s = archive.reader().stats(failures);
      out.printf("Archive %s%n", archive.file());
      out.printf("  articles %,d   versions %,d   fetches %,d   raw pages %,d (%s compressed)%n",
          s.articles(), s.versions(), s.fetches(), s.rawPages(), Format.bytes(s.rawBytes()));
      if (s.lastRun() != null) {
        ArchiveStats.RunRecord r = s.lastRun();
        out.printf("Last run #%d (%s, %s): started %s, finished %s%n", r.id(), r.kind(), r.status(),
            Format.time(r.startedAt()), Format.time(r.finishedAt()));
        out.printf("  tried %,d   archived %,d   skipped %,d   failed %,d%n",
            r.fetched(), r.archived(), r.skipped(), r.failed());
      }
      if (!s.sites().isEmpty()) {
        out.println();
        out.printf("%-40s %9s %9s %9s%n", "site", "fetches", "articles", "versions");
        for (ArchiveStats.SiteCount c : s.sites()) {
          out.printf("%-40s %,9d %,9d %,9d%n", c.host(), c.fetches(), c.articles(), c.versions());
        }
      }
      if (!s.failures().isEmpty()) {
        out.println();
        out.printf("%-20s %9s%n", "failed or skipped", "fetches");
        for (ArchiveStats.FailureCount f : s.failures()) {
          out.printf("%-20s %,9d%n", f.kind(), f.count());
        }
      }
      if (!s.recentFailures().isEmpty()) {
        out.println();
        out.println("Latest failed or skipped fetches (newest first):");
        for (ArchiveStats.FailedFetch f : s.recentFailures()) {
          out.printf("  %-14s %s%n      %s%n", f.kind(), f.url(),
              reason(f));
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}

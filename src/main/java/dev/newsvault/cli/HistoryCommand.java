package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArticleRecord;
import dev.newsvault.archive.CheckQueries;
import dev.newsvault.archive.CheckRecord;
import dev.newsvault.archive.VersionChange;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.check.VersionLabels;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsvault history URL}: every archived version of an article, with what changed between them. */
@Command(name = "history", description = "List the archived versions of an article: when, text hash, words"
    + " added and removed, the kind of change (typo, number, wording, headline, ...), and the title where it"
    + " changed.")
public final class HistoryCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Parameters(paramLabel = "URL", description = "The article's URL (as archived, or its canonical URL).")
  String url;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Terminal.safe(spec.commandLine().getOut()); // archived text came from the web
    try (Archive archive = Archive.openReadOnly(config.settings().database())) {
      var found = dev.newsvault.check.UrlIdentity.find(archive, url);
      if (found.isEmpty()) {
        spec.commandLine().getErr().println("newsvault: " + url + " is not in the archive " + archive.file()
            + "; ./newsvault stats lists sites");
        return ExitCodes.PARTIAL;
      }
      ArticleRecord a = found.get();
      List<VersionRecord> versions = archive.reader().versions(a.id());
      CheckQueries queries = new CheckQueries(archive);
      List<CheckRecord> checks = queries.checks(a.id());
      Map<Integer, VersionChange> labels = new HashMap<>();
      queries.changes(a.id()).forEach(c -> labels.put(c.version(), c));
      out.printf("%s%n", a.url());
      out.printf("state %s, %d version%s, first seen %s, last seen %s%s%n", a.state(), versions.size(),
          versions.size() == 1 ? "" : "s", Format.time(a.firstSeen()), Format.time(a.lastSeen()), lastCheck(checks));
      out.println();
      out.printf("%-7s  %-20s  %-23s  %7s  %7s  %7s  %-17s  %s%n", "VERSION", "FETCHED", "TEXT HASH", "WORDS",
          "ADDED", "REMOVED", "CHANGE", "TITLE");
      VersionRecord prev = null;
      for (VersionRecord v : versions) {
        String added = "";
        String removed = "";
        String kind = "";
        String title = v.title() == null ? "" : v.title();
        if (prev != null) {
          VersionChange c = labels.containsKey(v.version()) ? labels.get(v.version()) : VersionLabels.of(prev, v);
          added = "+" + c.wordsAdded();
          removed = "-" + c.wordsRemoved();
          kind = c.kind();
          title = Objects.equals(prev.title(), v.title()) ? "" : "(new) " + title;
        }
        String hash = v.textHash().toString();
        out.printf("v%-6d  %-20s  %-23s  %,7d  %7s  %7s  %-17s  %s%n", v.version(), Format.time(v.fetchedAt()),
            hash.substring(0, Math.min(hash.length(), 22)) + "…", v.wordCount(), added, removed, kind, title);
        prev = v;
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static String lastCheck(List<CheckRecord> checks) {
    if (checks.isEmpty()) {
      return "";
    }
    CheckRecord c = checks.get(checks.size() - 1);
    return ", checked " + checks.size() + (checks.size() == 1 ? " time" : " times") + " (last "
        + Format.time(c.checkedAt()) + ": " + c.outcome() + ")";
  }
}

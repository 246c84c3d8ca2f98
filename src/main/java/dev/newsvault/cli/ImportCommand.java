package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.Settings;
import dev.newsvault.warc.ImportCounts;
import dev.newsvault.warc.ImportSettings;
import dev.newsvault.warc.ImportSummary;
import dev.newsvault.warc.SkipKind;
import dev.newsvault.warc.WarcImport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsvault import}: WARC files from any tool into the archive, as if crawled at their WARC-Date. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
    "Import WARC files (1.0/1.1, plain or gzipped; files or folders of *.warc, *.warc.gz) into the archive: every"
        + " HTML response, and every revisit of one, becomes a capture dated at its WARC-Date, with its article and"
        + " a new version when the text changed. Files an earlier import completed are skipped; an interrupted"
        + " import resumes without importing any record twice. Pages are extracted from their archived bytes and"
        + " never rendered in a browser: an article a script builds is imported without its text (render=browser"
        + " applies to crawls only).",
    "Exit code 0 when every file was read, 1 when a file could not be read or held malformed records."})
public final class ImportCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "WARC files or folders holding them.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: one per core).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Settings settings = config.settings();
    ImportSettings s = ImportSettings.from(settings);
    if (threads != null) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("--threads must be 1 to 256, not " + threads);
      }
      s = new ImportSettings(s.minWords(), s.maxPageBytes(), s.rules(), threads, threads * 8, s.progressSeconds());
    }
    ImportSummary r;
    try (Archive archive = Archive.open(settings.database());
        Notifications notices = Notifications.start(settings, archive, err)) {
      r = new WarcImport(archive, s, err).run(paths);
    }
    ImportCounts c = r.counts();
    err.printf(Locale.ROOT, "newsvault: imported %s from %s into %s in %.1f s (%.0f pages/s):"
        + " %s, %s, %,d unchanged, %s without an article%n", dev.newsvault.config.Plural.of(c.imported(), "page"),
        dev.newsvault.config.Plural.of(r.files(), "WARC file"), settings.database(), r.millis() / 1000.0, r.pagesPerSecond(),
        dev.newsvault.config.Plural.of(c.newArticles(), "new article"),
        dev.newsvault.config.Plural.of(c.changed(), "new version"), c.unchanged(),
        dev.newsvault.config.Plural.of(c.notArticles(), "page"));
    err.printf(Locale.ROOT, "  %,d WARC records read, %,d of them requests, metadata and other non-captures%n",
        c.records(), c.others());
    if (r.alreadyDone() > 0) {
      err.printf(Locale.ROOT, "  %,d files skipped: an earlier import completed them%n", r.alreadyDone());
    }
    for (SkipKind k : SkipKind.values()) {
      if (c.skipped(k) > 0) {
        err.printf(Locale.ROOT, "  %,d skipped, %s: %s%n", c.skipped(k), k.label(), k.why());
      }
    }
    if (r.leftOpen() > 0) {
      err.printf(Locale.ROOT, "  %,d file%s left open: %s revisits of records not in the archive; import the"
          + " files holding the originals, then run this import again (only the revisits are new to it)%n",
          r.leftOpen(), r.leftOpen() == 1 ? "" : "s", r.leftOpen() == 1 ? "it holds" : "they hold");
    }
    for (String f : r.failures()) {
      err.println("newsvault: " + f);
    }
    if (r.files() == 0 && r.alreadyDone() == 0 && r.failures().isEmpty()) {
      err.println("newsvault: no WARC files (*.warc, *.warc.gz) under " + String.join(", ", paths));
      err.flush();
      return ExitCodes.PARTIAL;
    }
    err.flush();
    return r.partial() ? ExitCodes.PARTIAL : ExitCodes.OK;
  }
}

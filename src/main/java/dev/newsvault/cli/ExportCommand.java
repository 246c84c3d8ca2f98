package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ExportCheckpoints;
import dev.newsvault.archive.ExportSelection;
import dev.newsvault.config.Settings;
import dev.newsvault.export.ExportDates;
import dev.newsvault.export.ExportFormat;
import dev.newsvault.export.ExportOptions;
import dev.newsvault.export.ExportProgress;
import dev.newsvault.export.ExportSummary;
import dev.newsvault.export.Exporter;
import dev.newsvault.export.NearDupMode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsvault export}: the archive as a corpus in JSONL, text, CSV, WARC or Markdown. */
@Command(name = "export", description = "Export cleaned articles as JSONL, text, CSV, WARC or Markdown: filtered,"
    + " de-duplicated, in archive order, byte-identical for the same archive and flags.")
public final class ExportCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "jsonl, text, csv, warc or markdown.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output file ('-' for standard"
      + " output; '.gz' compresses). For text: a directory gets one file per article, a name ending in .txt or"
      + " .gz one stream. For markdown: a directory gets a folder per host with one .md file per article version.")
  String out;

  @Option(names = "--site", paramLabel = "HOST", description = "Only this host and its subdomains; repeatable.")
  List<String> sites = new ArrayList<>();

  @Option(names = "--since", paramLabel = "DATE", description = "Only versions dated on or after DATE (ISO date or"
      + " date-time).")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Only versions dated up to DATE (a date includes"
      + " the whole day).")
  String until;

  @Option(names = "--date-field", paramLabel = "FIELD", defaultValue = "published",
      description = "Which date --since/--until test: published (default; the page's own day, or when first"
          + " archived for an article without a date) or fetched.")
  String dateField;

  @Option(names = "--language", paramLabel = "CODE", description = "Only this language (ISO code; 'en' matches"
      + " 'en-GB').")
  String language;

  @Option(names = "--min-words", paramLabel = "N", defaultValue = "0", description = "Only texts of N words or more.")
  int minWords;

  @ArgGroup(exclusive = true)
  Versions versions;

  static final class Versions {
    @Option(names = "--latest-only", description = "Each article's current version only (the default).")
    boolean latestOnly;

    @Option(names = "--all-versions", description = "Every archived version of each article.")
    boolean allVersions;
  }

  @Option(names = "--changed-since-last-export", paramLabel = "NAME", description = "Only versions archived since"
      + " the last complete export under NAME; then remember this one. Takes the archive's writer lock.")
  String checkpoint;

  @Option(names = "--near-dups", paramLabel = "MODE", defaultValue = "drop",
      description = "Near-duplicates across articles: drop (default: keep the earliest), mark (add"
          + " near_dup_cluster) or keep.")
  String nearDups;

  @Option(names = "--near-dup-threshold", paramLabel = "BITS",
      defaultValue = "" + ExportOptions.DEFAULT_NEAR_DUP_BITS,
      description = "Largest SimHash distance (bits of 64) that counts as near-duplicate, 0 to 16 (default"
          + " ${DEFAULT-VALUE}).")
  int nearDupBits;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Settings settings = config.settings();
    ExportOptions options = options(settings);
    ExportProgress progress = System.console() != null ? ExportProgress.console(err) : ExportProgress.SILENT;
    ExportSummary s;
    if (options.checkpoint() != null) {
      try (Archive archive = Archive.open(settings.database())) {
        s = new Exporter(archive.file(), options, new ExportCheckpoints(archive), spec.commandLine().getOut(),
            progress).run();
      }
    } else {
      s = new Exporter(settings.database(), options, null, spec.commandLine().getOut(), progress).run();
    }
    if (s.written() == 0) {
      err.printf("newsvault: no article versions matched (%s)%s; wrote an empty %s output to %s%n",
          options.selection().describe(), options.checkpoint() == null ? ""
              : ", nothing new since the last export '" + options.checkpoint() + "'",
          options.format().label(), s.target());
    } else {
      err.printf(Locale.ROOT, "newsvault: exported %,d article versions to %s (%,d exact duplicates collapsed,"
          + " %,d near-duplicates %s) in %.1f s%n", s.written(), s.target(), s.exactDuplicates(), s.nearDuplicates(),
          options.nearDups() == NearDupMode.MARK ? "marked" : options.nearDups() == NearDupMode.DROP ? "dropped"
              : "not looked for", s.totalMillis() / 1000.0);
    }
    err.flush();
    return ExitCodes.OK;
  }

  private ExportOptions options(Settings settings) {
    boolean byFetch = switch (dateField.strip().toLowerCase(Locale.ROOT)) {
      case "published" -> false;
      case "fetched" -> true;
      default -> throw new IllegalArgumentException("unknown --date-field '" + dateField
          + "'; use published or fetched");
    };
    for (String site : sites) {
      if (!site.matches("[A-Za-z0-9.-]+") || site.startsWith(".") || site.endsWith(".")) {
        throw new IllegalArgumentException("--site '" + site + "' is not a host name; give a host such as"
            + " example.com (subdomains match too), without scheme or path");
      }
    }
    if (language != null && !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
      throw new IllegalArgumentException("--language '" + language + "' is not a language code; use an ISO 639"
          + " code such as en, de or pt-BR");
    }
    if (minWords < 0) {
      throw new IllegalArgumentException("--min-words must be 0 or more, not " + minWords);
    }
    ExportSelection sel = new ExportSelection(sites, ExportDates.since(since), ExportDates.untilExclusive(until),
        byFetch, language == null ? null : language.replace('_', '-'), minWords,
        versions != null && versions.allVersions);
    return new ExportOptions(ExportFormat.parse(format), out, sel, NearDupMode.parse(nearDups), nearDupBits,
        checkpoint, settings.userAgent());
  }
}

package dev.newsvault.warc;

import dev.newsvault.archive.WarcOrigin;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an import says while it runs, on standard error: a line per file, a progress line every few seconds, and
 * one line per rare skip (truncated, malformed, unresolved revisit, too large), at most {@value #PER_KIND} of each
 * kind; the common ones (not HTML, not 2xx, duplicates) are only counted, in the summary.
 */
final class ImportProgress {

  static final int PER_KIND = 20;
  private static final Set<SkipKind> NAMED = Set.of(SkipKind.TRUNCATED, SkipKind.MALFORMED,
      SkipKind.UNRESOLVED_REVISIT, SkipKind.TOO_LARGE);

  private final PrintWriter err;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private final Map<SkipKind, Integer> shown = new EnumMap<>(SkipKind.class);
  private final ImportCounts done = new ImportCounts();
  private long lastPrint = System.nanoTime();
  private String file = "";
  private int index;
  private int files;

  ImportProgress(PrintWriter err, int intervalSeconds) {
    this.err = err;
    this.intervalNanos = Math.max(1, intervalSeconds) * 1_000_000_000L;
  }

  void file(int index, int files, String file) {
    this.index = index;
    this.files = files;
    this.file = file;
  }

  void fileDone(ImportCounts c) {
    done.add(c);
    err.printf(Locale.ROOT, "import: [%d/%d] %s: %,d records, %,d pages imported (%,d new articles, %,d changed),"
        + " %,d skipped%n", index, files, file, c.records(), c.imported(), c.newArticles(), c.changed(), c.skipped());
    err.flush();
  }

  void advance(ImportCounts current) {
    long now = System.nanoTime();
    if (now - lastPrint < intervalNanos) {
      return;
    }
    lastPrint = now;
    long pages = done.imported() + current.imported();
    double rate = pages / Math.max(1e-9, (now - start) / 1e9);
    err.printf(Locale.ROOT, "import: [%d/%d] %s: %,d records read, %,d pages imported in all (%.0f pages/s)%n",
        index, files, file, current.records(), pages, rate);
    err.flush();
  }

  void skipped(String file, WarcOrigin o, SkipKind kind) {
    if (!NAMED.contains(kind)) {
      return;
    }
    named(kind, file + " at byte " + o.offset() + ": " + o.url() + " skipped, " + kind.label() + ": " + kind.why());
  }

  /** One line for a rare skip, until {@value #PER_KIND} of its kind were shown. */
  void named(SkipKind kind, String line) {
    int n = shown.merge(kind, 1, Integer::sum);
    if (n <= PER_KIND) {
      warn(line + (n == PER_KIND ? " (further such records are only counted)" : ""));
    }
  }

  void warn(String line) {
    err.println("import: " + line);
    err.flush();
  }
}

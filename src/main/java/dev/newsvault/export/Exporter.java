package dev.newsvault.export;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ExportCheckpoints;
import dev.newsvault.archive.ExportQuery;
import dev.newsvault.archive.ExportRow;
import dev.newsvault.archive.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One export run: opens the output (failing before any reading when it cannot be written), plans
 * de-duplication in a first pass, streams the rows in archive order through the format's writer, moves the
 * output to its final name, and only then moves the checkpoint.
 */
public final class Exporter {

  private final Path archiveFile;
  private final ExportOptions options;
  private final ExportCheckpoints checkpoints;
  private final PrintWriter stdout;
  private final ExportProgress progress;

  /**
   * @param checkpoints the writable checkpoint table, required when the options name a checkpoint
   * @param stdout where text formats go for {@code --out -}
   */
  public Exporter(Path archiveFile, ExportOptions options, ExportCheckpoints checkpoints, PrintWriter stdout,
      ExportProgress progress) {
    if (options.checkpoint() != null && checkpoints == null) {
      throw new IllegalArgumentException("a checkpointed export needs the archive open for writing");
    }
    this.archiveFile = archiveFile;
    this.options = options;
    this.checkpoints = checkpoints;
    this.stdout = stdout;
    this.progress = progress;
  }

  /** Whether {@code --out} names one text stream rather than a directory of files. */
  static boolean textStream(String out) {
    String n = out.toLowerCase(Locale.ROOT);
    return "-".equals(out) || n.endsWith(".txt") || n.endsWith(".gz");
  }

  public ExportSummary run() throws IOException {
    long start = System.nanoTime();
    OutputTarget target = openTarget();
    Writer text = null;
    RecordWriter writer = null;
    try (ExportQuery query = ExportQuery.open(archiveFile)) {
      long upTo = query.maxVersionId();
      long mark = options.checkpoint() == null ? 0 : checkpoints.last(options.checkpoint()).orElse(0);
      DedupPlan plan = DedupPlan.build(query, options.selection(), upTo, options.nearDups(),
          options.nearDupBits(), progress);
      boolean mark2 = options.nearDups() == NearDupMode.MARK;
      switch (options.format()) {
        case JSONL -> writer = new JsonlWriter(text = target.writer(), mark2);
        case CSV -> writer = new CsvExportWriter(text = target.writer(), mark2);
        case TEXT -> writer = target.directory() != null && !textStream(options.out())
            ? new TextDirectoryWriter(target.directory()) : new TextStreamWriter(text = target.writer());
        case MARKDOWN -> writer = target.directory() != null
            ? TextDirectoryWriter.markdown(target.directory()) : new MarkdownStreamWriter(text = target.writer());
        case WARC -> writer = new WarcExportWriter(target.rawStream(), target.gzip(), rawPages(query),
            revisits(query, plan, mark), query.renders(), options.userAgent(), mark2, options.toStdout() ? "-" : Path.of(options.out()).getFileName().toString(),
            warcinfoDate(query.newestFetch(upTo)), options.selection().describe()
                + " near-dups=" + options.nearDups().label());
        default -> throw new IllegalStateException("unhandled format " + options.format());
      }
      long skippedByCheckpoint = mark == 0 ? 0 : query.count(options.selection(), 0, Math.min(mark, upTo));
      progress.phase("exporting", query.count(options.selection(), mark, upTo));
      long written = 0;
      long seen = 0;
      try (ExportQuery.Cursor<ExportRow> rows = query.rows(options.selection(), mark, upTo)) {
        for (ExportRow row = rows.next(); row != null; row = rows.next()) {
          progress.advance(++seen);
          if (plan.dropped(row.versionId())) {
            continue;
          }
          writer.write(new ExportRecord(row, plan.cluster(row.versionId())));
          written++;
        }
      }
      writer.finish();
      target.commit(text);
      progress.finish();
      if (options.checkpoint() != null) {
        checkpoints.move(options.checkpoint(), upTo, written, options.format().label(),
            options.selection().describe());
      }
      return new ExportSummary(written, plan.exactDuplicates(), plan.nearDuplicates(), skippedByCheckpoint,
          plan.millis(), (System.nanoTime() - start) / 1_000_000, target.displayName());
    } catch (IOException | RuntimeException e) {
      progress.finish();
      if (writer != null) {
        writer.abort();
      }
      target.abort();
      throw e;
    }
  }

  private static WarcExportWriter.RawPages rawPages(ExportQuery query) {
    return new WarcExportWriter.RawPages() {
      @Override
      public Optional<byte[]> gzipped(String sha256) throws ArchiveException {
        return query.rawPageGzip(sha256);
      }

      @Override
      public IOException damaged(String sha256, IOException cause) {
        return query.damaged(sha256, cause);
      }
    };
  }

  /**
   * Revisits refer to the first response this export wrote with the same payload: the earliest matching
   * version with that raw page that de-duplication did not drop.
   */
  private WarcExportWriter.Revisits revisits(ExportQuery query, DedupPlan plan, long afterId) {
    return new WarcExportWriter.Revisits() {
      @Override
      public List<ExportQuery.Recapture> recaptures(long versionId) throws ArchiveException {
        return query.recaptures(versionId);
      }

      @Override
      public WarcExportWriter.Original original(String rawSha256, long beforeVersionId) throws ArchiveException {
        for (ExportQuery.Capture c : query.earlierWithPage(options.selection(), rawSha256, afterId, beforeVersionId)) {
          if (!plan.dropped(c.versionId())) {
            Instant date = Timestamps.instantMillis(c.fetchedAt());
            return new WarcExportWriter.Original(c.url(), date == null ? Instant.EPOCH : date);
          }
        }
        return null;
      }
    };
  }

  private OutputTarget openTarget() throws IOException {
    if (options.toStdout()) {
      return options.format() == ExportFormat.WARC ? OutputTarget.stdoutBytes() : OutputTarget.stdoutText(stdout);
    }
    Path out = Path.of(options.out());
    if (options.format() == ExportFormat.TEXT && !textStream(options.out()) || options.format() == ExportFormat.MARKDOWN) {
      return OutputTarget.directory(out);
    }
    return OutputTarget.file(out);
  }

  /**
   * The warcinfo record's date: the newest capture in the export's snapshot rather than the wall clock, so
   * that exporting the same archive twice gives byte-identical WARC files.
   */
  private static Instant warcinfoDate(String newestFetch) {
    try {
      return newestFetch == null ? Instant.EPOCH : Instant.parse(newestFetch);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}

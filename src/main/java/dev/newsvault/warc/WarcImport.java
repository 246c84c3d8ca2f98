package dev.newsvault.warc;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ImportStore;
import dev.newsvault.check.VersionLabels;
import dev.newsvault.archive.RunSummary;
import dev.newsvault.extract.ArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * One {@code newsvault import} run: expands the paths to WARC files, skips those an earlier run completed,
 * imports the rest one by one (a file that cannot be read is reported and the next one goes on), and marks each
 * file complete only after its last record is committed. A killed run leaves the file unmarked; the next run
 * reads it again and skips the records already in the archive by their WARC-Record-ID.
 */
public final class WarcImport {

  private final Archive archive;
  private final ImportSettings settings;
  private final ImportProgress progress;

  public WarcImport(Archive archive, ImportSettings settings, PrintWriter err) {
    this.archive = archive;
    this.settings = settings;
    this.progress = new ImportProgress(err, settings.progressSeconds());
  }

  public ImportSummary run(List<String> inputs) throws ArchiveException {
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String input : inputs) {
      try {
        files.addAll(expand(Path.of(input)));
      } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
        failures.add(input + ": cannot read it (" + e.getMessage() + "); check the path");
      }
    }
    ArticleExtractor extractor = new ArticleExtractor(settings.rules());
    ImportCounts total = new ImportCounts();
    int read = 0;
    int alreadyDone = 0;
    int leftOpen = 0;
    long runId = archive.startRun("import", String.join(" ", inputs));
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "import-extract");
      t.setDaemon(true);
      return t;
    });
    String status = "failed";
    try (ImportStore store = new ImportStore(archive)) {
      VersionLabels labels = new VersionLabels(archive);
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        progress.file(i + 1, files.size(), f.toString());
        String key;
        long size;
        try {
          size = Files.size(f);
          key = fileKey(f, size);
        } catch (IOException e) {
          failures.add(f + ": cannot read it (" + e.getMessage() + ")");
          continue;
        }
        if (store.fileCompleted(key)) {
          alreadyDone++;
          progress.warn("[" + (i + 1) + "/" + files.size() + "] " + f + ": imported completely before; skipped");
          continue;
        }
        store.fileStarted(key, f.toString(), size, runId);
        FileImport fi = new FileImport(store, labels, extractor, pool, settings, runId, f.toString(), progress);
        try {
          WarcRecords.read(f, fi);
          fi.finish();
        } catch (ArchiveException e) {
          throw e;
        } catch (IOException e) {
          fi.finish();
          failures.add(f + ": cannot read it (" + e.getMessage() + ")");
          progress.fileDone(fi.counts());
          total.add(fi.counts());
          continue;
        }
        read++;
        long unresolved = fi.counts().skipped(SkipKind.UNRESOLVED_REVISIT);
        store.fileRead(key, fi.counts().records(), fi.counts().imported(), fi.counts().skipped(), unresolved == 0);
        if (unresolved > 0) {
          leftOpen++;
          progress.warn("[" + (i + 1) + "/" + files.size() + "] " + f + ": " + unresolved + " revisit"
              + (unresolved == 1 ? "" : "s") + " of records not in the archive; the file stays open, so a later"
              + " import, after the file holding the originals, reads it again");
        }
        progress.fileDone(fi.counts());
        total.add(fi.counts());
      }
      status = "finished";
    } finally {
      pool.shutdownNow();
      archive.finishRun(runId, new RunSummary(status, total.imported() + total.skipped(), total.imported(),
          total.skipped(), total.skipped(SkipKind.MALFORMED) + failures.size()));
    }
    return new ImportSummary(read, alreadyDone, leftOpen, failures, total, (System.nanoTime() - start) / 1_000_000);
  }

  /** A file as itself; a folder as its WARC files (.warc, .warc.gz), recursively, in name order. */
  static List<Path> expand(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      if (!Files.isRegularFile(p)) {
        throw new IOException("no such file or directory");
      }
      return List.of(p);
    }
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile).filter(WarcImport::isWarc).sorted().toList();
    }
  }

  private static boolean isWarc(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".warc") || n.endsWith(".warc.gz");
  }

  /** The same file under any name or path: its size and a digest of its first MiB. */
  static String fileKey(Path f, long size) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(ByteBuffer.allocate(8).putLong(size).array());
      md.update(in.readNBytes(1 << 20));
      return "sha256:" + HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

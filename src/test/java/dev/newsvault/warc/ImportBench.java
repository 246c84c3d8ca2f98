package dev.newsvault.warc;

import com.sun.management.OperatingSystemMXBean;
import dev.newsvault.archive.Archive;
import dev.newsvault.config.Settings;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Import throughput in one JVM, round after round into fresh archives, so the later rounds show the steady state
 * without JVM start and JIT warm-up; prints wall pages/s and pages per CPU-second of the whole process.
 *
 * <p>Usage: {@code ImportBench WARC-PATH ROUNDS WORKDIR}
 */
public final class ImportBench {

  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    String warc = args[0];
    int rounds = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]);
    Files.createDirectories(work);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 1; r <= rounds; r++) {
      Path db = work.resolve("round-" + r + ".db");
      Files.deleteIfExists(db);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      ImportSummary s;
      try (Archive a = Archive.open(db)) {
        s = new WarcImport(a, ImportSettings.from(Settings.defaults()), new PrintWriter(System.err, true))
            .run(List.of(warc));
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: %,d pages in %.1f s wall = %.0f pages/s; %.1f CPU s = %.0f pages"
          + " per CPU-second; load %.1f%n", r, s.counts().imported(), wall, s.counts().imported() / wall, cpu,
          s.counts().imported() / cpu, os.getSystemLoadAverage());
    }
  }
}

package dev.newsvault.bench;

import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.extract.HtmlDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Measures single-thread extraction speed: loads every page of a directory into memory (so disk and
 * gzip are not measured), warms the JIT up, then times full extraction (decode, parse, metadata,
 * body) over several rounds and prints pages/s and MB/s of HTML, per wall second, per second of
 * this thread's CPU time (the CPU figure holds up when other work shares the machine), and per
 * second of the whole process's CPU time: that one also counts work a library hands to other
 * threads (Lingua scores languages on the common fork-join pool), the garbage collector and the JIT.
 *
 * <p>Usage: {@code ExtractBenchmark DIR [warmupRounds] [rounds]}.
 */
public final class ExtractBenchmark {

  private ExtractBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench/aeb-dev/html");
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    List<byte[]> pages = load(dir);
    if (pages.isEmpty()) {
      System.err.println("no .html/.htm/.html.gz files in " + dir);
      System.exit(2);
    }
    long bytes = pages.stream().mapToLong(p -> p.length).sum();
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    long sink = 0;
    for (int r = 0; r < warmup; r++) {
      sink += runOnce(extractor, pages);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long processCpuStart = process.getProcessCpuTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      sink += runOnce(extractor, pages);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double processCpuSeconds = (process.getProcessCpuTime() - processCpuStart) / 1e9;
    double pagesPerSecond = pages.size() * (double) rounds / seconds;
    double mbPerSecond = bytes * (double) rounds / seconds / 1e6;
    // The same pages through decoding and jsoup parsing only: the floor extraction builds on.
    long parseCpuStart = threads.getCurrentThreadCpuTime();
    long parseStart = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (byte[] page : pages) {
        sink += Jsoup.parse(HtmlDecoder.decode(page, null).html()).childNodeSize();
      }
    }
    double parseSeconds = (System.nanoTime() - parseStart) / 1e9;
    double parseCpuSeconds = (threads.getCurrentThreadCpuTime() - parseCpuStart) / 1e9;
    double pagesRead = pages.size() * (double) rounds;
    System.out.printf(
        Locale.ROOT,
        "pages=%d avg_kb=%.1f rounds=%d warmup=%d threads=1%n"
            + "extract: pages/s=%.1f MB/s=%.2f ms/page=%.3f pages/cpu-s=%.1f pages/process-cpu-s=%.1f%n"
            + "parse only: pages/s=%.1f pages/cpu-s=%.1f (checksum %d)%n",
        pages.size(), bytes / 1024.0 / pages.size(), rounds, warmup, pagesPerSecond, mbPerSecond,
        1000.0 / pagesPerSecond, pagesRead / cpuSeconds, pagesRead / processCpuSeconds,
        pagesRead / parseSeconds,
        pagesRead / parseCpuSeconds, sink % 1000);
  }

  private static long runOnce(ArticleExtractor extractor, List<byte[]> pages) {
    long chars = 0;
    for (byte[] page : pages) {
      chars += extractor.extract(page, null, null).text().length();
    }
    return chars;
  }

  private static List<byte[]> load(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz");
      }).sorted().toList();
    }
    List<byte[]> out = new ArrayList<>();
    for (Path f : files) {
      if (f.toString().endsWith(".gz")) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          out.add(in.readAllBytes());
        }
      } else {
        out.add(Files.readAllBytes(f));
      }
    }
    return out;
  }
}

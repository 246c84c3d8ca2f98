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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Measures single-thread extraction speed: loads every page of a directory into memory (so disk and
 * gzip are not measured), warms the JIT up, then times full extraction (decode, parse, metadata,
 * body) over several rounds and prints pages/s and MB/s of HTML, per wall second, per second of
 * this thread's CPU time (the CPU figure holds up when other work shares the machine), and per
 * second of the whole process's CPU time: that one also counts work a library hands to other
 * threads (Lingua scores languages on the common fork-join pool), the garbage collector and the JIT;
 * on Linux a last line splits the process's CPU of the timed rounds by kind of thread.
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
    Map<String, Long> ticksStart = threadTicks();
    long processCpuStart = process.getProcessCpuTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      sink += runOnce(extractor, pages);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double processCpuSeconds = (process.getProcessCpuTime() - processCpuStart) / 1e9;
    Map<String, Long> ticks = threadTicks();
    ticks.replaceAll((group, t) -> t - ticksStart.getOrDefault(group, 0L));
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
    long total = ticks.values().stream().mapToLong(Long::longValue).sum();
    if (total > 0) {
      StringBuilder line = new StringBuilder("process CPU of the timed extraction rounds, by thread:");
      ticks.entrySet().stream().filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.1f%%", e.getKey(), 100.0 * e.getValue() / total)));
      System.out.println(line);
    }
  }

  /**
   * CPU clock ticks used so far by the process's threads, grouped by kind (the measuring thread, the
   * JIT compilers, the garbage collector, the common fork-join pool), from {@code /proc/self/task};
   * empty where there is no such directory. It tells what the process figure counts beyond the thread.
   */
  private static Map<String, Long> threadTicks() {
    Map<String, Long> ticks = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return ticks;
    }
    List<Path> threads;
    try (Stream<Path> s = Files.list(tasks)) {
      threads = s.toList();
    } catch (IOException e) {
      return ticks;
    }
    for (Path thread : threads) {
      try {
        String name = Files.readString(thread.resolve("comm")).strip();
        String stat = Files.readString(thread.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime
        ticks.merge(kind(name), used, Long::sum);
      } catch (IOException | RuntimeException e) {
        // the thread ended meanwhile
      }
    }
    return ticks;
  }

  private static String kind(String threadName) {
    if (threadName.equals(Thread.currentThread().getName()) || threadName.equals("java")) {
      return "measuring";
    }
    if (threadName.startsWith("C1 ") || threadName.startsWith("C2 ")) {
      return "JIT";
    }
    if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
      return "GC/VM";
    }
    return threadName.startsWith("ForkJoinPool") ? "fork-join" : "other";
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

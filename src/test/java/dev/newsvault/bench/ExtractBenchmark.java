package dev.newsvault.bench;

import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Measures single-thread extraction speed: loads every page of a directory into memory (so disk and
 * gzip are not measured), warms the JIT up until it is mostly done, then times full extraction
 * (decode, parse, metadata, body) over several rounds and prints pages/s and MB/s of HTML, per wall
 * second, per second of this thread's CPU time (the CPU figure holds up when other work shares the
 * machine; the median and range of the rounds show how steady it was), and per second of the whole
 * process's CPU time: that one also counts work a library hands to other threads (Lingua scores
 * languages on the common fork-join pool), the garbage collector and the JIT. Each round is followed
 * by one of decoding (the JDK's) and parsing (jsoup's) alone, and the ratio of the two, the cost of extraction in parses,
 * is the figure to compare across sittings: the host's own speed moves both alike. Then the same ratio is taken
 * with each page parsed right after it is extracted, which holds up better on a busy host. On Linux a last
 * line splits the process's CPU of the timed rounds by kind of thread.
 *
 * <p>Usage: {@code ExtractBenchmark DIR [warmupRounds] [rounds]}.
 */
public final class ExtractBenchmark {

  private ExtractBenchmark() {}

  /** Warm-up goes on past the rounds asked for until the JIT compilers' share of a round falls below this. */
  private static final double QUIET_JIT_SHARE = 0.05;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench/aeb-dev/html");
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    if (!Files.isDirectory(dir)) {
      System.err.println("no directory " + dir + ": give a directory of .html, .htm or .html.gz pages"
          + " (bench/extract.sh DIR [WARMUP_ROUNDS] [ROUNDS])");
      System.exit(2);
    }
    List<byte[]> pages = load(dir);
    if (pages.isEmpty()) {
      System.err.println("no .html/.htm/.html.gz files in " + dir);
      System.exit(2);
    }
    long bytes = pages.stream().mapToLong(p -> p.length).sum();
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.NONE);
    long sink = 0;
    // Warm up for the rounds asked, then on (up to five times as many) until the JIT is mostly done:
    // after 20 rounds it can still take a third of the process's CPU, and a long crawl runs compiled code.
    int warmed = 0;
    double jitShare = 1;
    while (warmed < warmup || jitShare > QUIET_JIT_SHARE && warmed < 5 * Math.max(warmup, 1)) {
      Map<String, Long> before = threadCpu();
      sink += runOnce(extractor, pages);
      Map<String, Long> used = threadCpu();
      used.replaceAll((group, t) -> t - before.getOrDefault(group, 0L));
      long all = used.values().stream().mapToLong(Long::longValue).sum();
      jitShare = all == 0 ? 0 : (double) used.getOrDefault("JIT", 0L) / all;
      warmed++;
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // Each extraction round is followed by a round of the JDK's UTF-8 decoding and jsoup's parsing
    // alone, so that both see the machine in the same state: the ratio of the two holds up when the
    // host's speed drifts, and the baseline is none of newsvault's code, so builds compare by it too.
    Map<String, Long> ticks = new TreeMap<>();
    double seconds = 0;
    double cpuSeconds = 0;
    double processCpuSeconds = 0;
    double parseSeconds = 0;
    double parseCpuSeconds = 0;
    double[] roundRates = new double[rounds];
    double[] roundRatios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      Map<String, Long> ticksStart = threadCpu();
      long processCpuStart = process.getProcessCpuTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      sink += runOnce(extractor, pages);
      long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
      seconds += (System.nanoTime() - start) / 1e9;
      cpuSeconds += cpu / 1e9;
      processCpuSeconds += (process.getProcessCpuTime() - processCpuStart) / 1e9;
      threadCpu().forEach((group, t) -> ticks.merge(group, t - ticksStart.getOrDefault(group, 0L), Long::sum));
      long parseCpuStart = threads.getCurrentThreadCpuTime();
      long parseStart = System.nanoTime();
      for (byte[] page : pages) {
        sink += Jsoup.parse(new String(page, StandardCharsets.UTF_8)).childNodeSize();
      }
      long parseCpu = threads.getCurrentThreadCpuTime() - parseCpuStart;
      parseSeconds += (System.nanoTime() - parseStart) / 1e9;
      parseCpuSeconds += parseCpu / 1e9;
      roundRates[r] = pages.size() / (cpu / 1e9);
      roundRatios[r] = (double) cpu / parseCpu;
    }
    double pagesRead = pages.size() * (double) rounds;
    double pagesPerSecond = pagesRead / seconds;
    double mbPerSecond = bytes * (double) rounds / seconds / 1e6;
    Arrays.sort(roundRates);
    Arrays.sort(roundRatios);
    System.out.printf(
        Locale.ROOT,
        "pages=%d avg_kb=%.1f rounds=%d warmup=%d (JIT %.1f%% of the process's CPU in the last) threads=1%n"
            + "extract: pages/s=%.1f MB/s=%.2f ms/page=%.3f pages/cpu-s=%.1f (rounds: median %.1f, %.1f-%.1f)"
            + " pages/process-cpu-s=%.1f%n"
            + "parse only: pages/s=%.1f pages/cpu-s=%.1f (checksum %d)%n"
            + "extraction costs %.2f parses (median of rounds; %.2f-%.2f)%n",
        pages.size(), bytes / 1024.0 / pages.size(), rounds, warmed, 100 * jitShare,
        pagesPerSecond, mbPerSecond, 1000.0 / pagesPerSecond, pagesRead / cpuSeconds,
        median(roundRates), roundRates[0], roundRates[rounds - 1], pagesRead / processCpuSeconds,
        pagesRead / parseSeconds, pagesRead / parseCpuSeconds, sink % 1000,
        median(roundRatios), roundRatios[0], roundRatios[rounds - 1]);
    // The same ratio with each page parsed right after it is extracted: a burst of other work on a shared host then
    // lands on both alike, where whole rounds of each can see different machines (their ratios spread widely).
    double[] passRatios = new double[rounds];
    double extractNanos = 0;
    double parseNanos = 0;
    for (int r = 0; r < rounds; r++) {
      long extracting = 0;
      long parsing = 0;
      for (byte[] page : pages) {
        long t0 = threads.getCurrentThreadCpuTime();
        sink += extractor.extract(page, null, null).text().length();
        long t1 = threads.getCurrentThreadCpuTime();
        sink += Jsoup.parse(new String(page, StandardCharsets.UTF_8)).childNodeSize();
        long t2 = threads.getCurrentThreadCpuTime();
        extracting += t1 - t0;
        parsing += t2 - t1;
      }
      extractNanos += extracting;
      parseNanos += parsing;
      passRatios[r] = (double) extracting / parsing;
    }
    Arrays.sort(passRatios);
    System.out.printf(Locale.ROOT,
        "extraction costs %.2f parses with each page parsed right after it (median of %d passes; %.2f-%.2f;"
            + " all passes %.2f) (checksum %d)%n",
        median(passRatios), rounds, passRatios[0], passRatios[rounds - 1], extractNanos / parseNanos, sink % 1000);
    long total = ticks.values().stream().mapToLong(Long::longValue).sum();
    if (total > 0) {
      StringBuilder line = new StringBuilder("process CPU of the timed extraction rounds, by thread:");
      ticks.entrySet().stream().filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.1f%%", e.getKey(), 100.0 * e.getValue() / total)));
      System.out.println(line);
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * CPU time used so far by the process's threads, in nanoseconds, grouped by kind (the measuring
   * thread, the JIT compilers, the garbage collector, the common fork-join pool), from
   * {@code /proc/self/task} (the scheduler's exact figure where the kernel gives it, else clock ticks);
   * empty where there is no such directory. It tells what the process figure counts beyond the thread.
   */
  private static Map<String, Long> threadCpu() {
    Map<String, Long> used = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return used;
    }
    List<Path> threads;
    try (Stream<Path> s = Files.list(tasks)) {
      threads = s.toList();
    } catch (IOException e) {
      return used;
    }
    for (Path thread : threads) {
      try {
        String name = Files.readString(thread.resolve("comm")).strip();
        long nanos;
        Path schedstat = thread.resolve("schedstat");
        if (Files.exists(schedstat)) {
          nanos = Long.parseLong(Files.readString(schedstat).strip().split(" ")[0]);
        } else {
          String stat = Files.readString(thread.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // utime, stime at 100 Hz
        }
        used.merge(kind(name), nanos, Long::sum);
      } catch (IOException | RuntimeException e) {
        // the thread ended meanwhile
      }
    }
    return used;
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

package dev.newsvault.check;

import dev.newsvault.archive.CheckTarget;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows the progress of a long check, as {@code crawl} does: on a terminal one line on stderr rewritten every
 * second (cleared while a result row is printed); otherwise a plain line every {@code progress.interval.s}
 * seconds. {@link #estimate} says before the first request how long per-host politeness makes the run take.
 */
public final class CheckProgress implements AutoCloseable {

  private final PrintWriter err;
  private final boolean terminal;
  private final int total;
  private final long started = System.nanoTime();
  private final Map<CheckOutcome, Integer> counts = new EnumMap<>(CheckOutcome.class);
  private final ScheduledExecutorService timer;
  private int done;
  private int lastWidth;

  public CheckProgress(PrintWriter err, boolean terminal, int intervalSeconds, int total) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "check-progress");
      t.setDaemon(true);
      return t;
    });
    long every = terminal ? 1 : Math.max(1, intervalSeconds);
    timer.scheduleAtFixedRate(this::print, every, every, TimeUnit.SECONDS);
  }

  /** Counts one finished check. */
  public synchronized void done(CheckResult r) {
    done++;
    counts.merge(r.outcome(), 1, Integer::sum);
  }

  /** Clears the live line so that a result row can be printed on a clean line. */
  public synchronized void clear() {
    if (terminal && lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
      lastWidth = 0;
    }
  }

  /** {@code checked 120/2,000: 117 unchanged, 2 changed, … 4.1 URLs/s, about 7m 48s left}. */
  synchronized String line() {
    double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
    double rate = done / seconds;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "checked %,d/%,d:", done, total));
    for (CheckOutcome o : CheckOutcome.values()) {
      b.append(' ').append(counts.getOrDefault(o, 0)).append(' ').append(o.code()).append(',');
    }
    b.setLength(b.length() - 1);
    b.append(String.format(Locale.ROOT, "  %.1f URLs/s", rate));
    if (done > 0 && done < total) {
      b.append(", about ").append(human(Duration.ofSeconds((long) ((total - done) / rate)))).append(" left");
    }
    return b.toString();
  }

  private synchronized void print() {
    String s = line();
    if (terminal) {
      err.print("\r" + s + " ".repeat(Math.max(0, lastWidth - s.length())));
      lastWidth = s.length();
    } else {
      err.println("progress: " + s);
    }
    err.flush();
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    clear();
  }

  /**
   * What politeness costs: requests to one host are {@code delayMs} apart, so the host with the most articles
   * sets the least time the check can take, however many run in parallel. Null when that is under a second.
   */
  public static String estimate(List<CheckTarget> targets, long delayMs) {
    Map<String, Integer> perHost = new HashMap<>();
    for (CheckTarget t : targets) {
      perHost.merge(host(t.url()), 1, Integer::sum);
    }
    int most = perHost.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    long least = Math.max(0, most - 1) * delayMs;
    if (least < 1000) {
      return null;
    }
    return String.format(Locale.ROOT, "checking %,d article%s on %,d site%s: requests to one site are %s apart"
            + " (politeness.delay.ms, or a larger robots.txt Crawl-delay), so with %,d articles on the largest"
            + " site this takes at least %s", targets.size(), targets.size() == 1 ? "" : "s", perHost.size(),
        perHost.size() == 1 ? "" : "s", human(Duration.ofMillis(delayMs)), most, human(Duration.ofMillis(least)));
  }

  /** {@code 1h 2m}, {@code 7m 48s}, {@code 12s}, {@code 0.5s}. */
  static String human(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600) {
      return s / 3600 + "h " + (s % 3600) / 60 + "m";
    }
    if (s >= 60) {
      return s / 60 + "m " + s % 60 + "s";
    }
    if (s >= 1 || d.isZero()) {
      return s + "s";
    }
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? url : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}

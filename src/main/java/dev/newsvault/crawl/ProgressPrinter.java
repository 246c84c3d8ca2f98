package dev.newsvault.crawl;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows a crawl's progress: on a terminal one live line rewritten in place every second; otherwise (a log
 * file, a pipe, CI) a plain line every {@code progress.interval.s} seconds.
 */
public final class ProgressPrinter implements AutoCloseable {

  private final PrintWriter out;
  private final boolean terminal;
  private final Supplier<CrawlProgress> progress;
  private final ScheduledExecutorService timer;
  private int lastWidth;

  public ProgressPrinter(PrintWriter out, boolean terminal, int intervalSeconds, Supplier<CrawlProgress> progress) {
    this.out = out;
    this.terminal = terminal;
    this.progress = progress;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "crawl-progress");
      t.setDaemon(true);
      return t;
    });
    long every = terminal ? 1 : Math.max(1, intervalSeconds);
    timer.scheduleAtFixedRate(this::print, every, every, TimeUnit.SECONDS);
  }

  /** One progress line: counts and the rate so far. */
  public static String line(CrawlProgress p) {
    return String.format(Locale.ROOT, "tried %,d  archived %,d  skipped %,d  failed %,d  articles +%,d new"
        + " ~%,d changed  %.1f pages/s  %ds", p.fetched(), p.archived(), p.skipped(), p.failed(), p.newArticles(),
        p.changedArticles(), p.pagesPerSecond(), p.elapsed().toSeconds());
  }

  private synchronized void print() {
    String s = line(progress.get());
    if (terminal) {
      out.print("\r" + s + " ".repeat(Math.max(0, lastWidth - s.length())));
      lastWidth = s.length();
    } else {
      out.println("progress: " + s);
    }
    out.flush();
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (terminal && lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      out.flush();
    }
  }
}

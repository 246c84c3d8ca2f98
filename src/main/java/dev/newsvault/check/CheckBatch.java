package dev.newsvault.check;

import dev.newsvault.archive.CheckTarget;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Checks many articles with a bounded number of threads. Results reach the sink one at a time (never
 * concurrently), in the order checks finish. {@link #stop()} (for Ctrl-C) lets no new check start and
 * interrupts the fetches under way; those are not recorded, everything finished before is.
 */
public final class CheckBatch {

  private final ArticleChecker checker;
  private final int concurrency;
  private volatile boolean stopped;
  private volatile ExecutorService pool;

  CheckBatch(ArticleChecker checker, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("check concurrency must be at least 1, got " + concurrency);
    }
    this.checker = checker;
    this.concurrency = concurrency;
  }

  /** Checks every target within run {@code runId}; returns when all are done or the batch was stopped. */
  public CheckSummary run(long runId, List<CheckTarget> targets, Consumer<CheckResult> sink)
      throws InterruptedException {
    Map<CheckOutcome, Integer> counts = new EnumMap<>(CheckOutcome.class);
    AtomicInteger next = new AtomicInteger();
    int threads = Math.max(1, Math.min(concurrency, targets.size()));
    AtomicInteger names = new AtomicInteger();
    ExecutorService p = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "check-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool = p;
    Object sinkLock = new Object();
    for (int i = 0; i < threads; i++) {
      p.execute(() -> {
        int n;
        while (!stopped && (n = next.getAndIncrement()) < targets.size()) {
          CheckResult r;
          try {
            r = checker.check(runId, targets.get(n));
          } catch (InterruptedException e) {
            return;
          }
          synchronized (sinkLock) {
            counts.merge(r.outcome(), 1, Integer::sum);
            sink.accept(r);
          }
        }
      });
    }
    p.shutdown();
    try {
      while (!p.awaitTermination(1, TimeUnit.SECONDS)) {
        // keep waiting: every check ends within the fetch timeouts
      }
    } catch (InterruptedException e) {
      stop();
      throw e;
    }
    synchronized (sinkLock) {
      return new CheckSummary(counts, stopped);
    }
  }

  /** Starts no new check and interrupts the ones under way. Safe from any thread, e.g. a shutdown hook. */
  public void stop() {
    stopped = true;
    ExecutorService p = pool;
    if (p != null) {
      p.shutdownNow();
    }
  }
}

package dev.newsvault.crawl;

import dev.newsvault.archive.StoreResult;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counts of one crawl. */
final class CrawlCounters {

  private final long startNanos = System.nanoTime();
  private final AtomicLong fetched = new AtomicLong();
  private final AtomicLong archived = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong unreachable = new AtomicLong();
  private final AtomicLong newArticles = new AtomicLong();
  private final AtomicLong changedArticles = new AtomicLong();

  void count(Capture c, StoreResult r) {
    fetched.incrementAndGet();
    if (c.ok()) {
      archived.incrementAndGet();
    } else if (c.failure().kind().isSkip()) {
      skipped.incrementAndGet();
    } else {
      failed.incrementAndGet();
      if (c.failure().kind() == FetchFailure.Kind.UNREACHABLE) {
        unreachable.incrementAndGet();
      }
    }
    if (r != null && r.change() == StoreResult.Change.NEW) {
      newArticles.incrementAndGet();
    } else if (r != null && r.change() == StoreResult.Change.CHANGED) {
      changedArticles.incrementAndGet();
    }
  }

  CrawlProgress snapshot() {
    return new CrawlProgress(fetched.get(), archived.get(), skipped.get(), failed.get(), newArticles.get(),
        changedArticles.get(), Duration.ofNanos(System.nanoTime() - startNanos), unreachable.get());
  }
}

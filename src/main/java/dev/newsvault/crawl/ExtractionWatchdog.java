package dev.newsvault.crawl;

import dev.newsvault.extract.Article;
import dev.newsvault.extract.ArticleExtractor;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;

/**
 * Extracts each page's article within a time budget. Extraction runs in a worker thread while the crawler
 * thread waits; when the budget is spent the crawler thread gives up on the page and moves on to its next
 * URL, so no single page can hold a crawl thread. Java cannot stop a running computation, so an overrunning
 * extraction finishes in its own thread and its result is dropped; the workers are daemons, and idle ones end
 * when the crawl does.
 */
final class ExtractionWatchdog implements AutoCloseable {

  /** How long one page's extraction may take; news pages take milliseconds. */
  static final Duration BUDGET = Duration.ofSeconds(10);

  private final ArticleExtractor extractor;
  private final long budgetNanos;
  private final ThreadPoolExecutor pool;

  ExtractionWatchdog(ArticleExtractor extractor, Duration budget) {
    this.extractor = extractor;
    this.budgetNanos = budget.toNanos();
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "crawl-extract-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The article of {@code doc}, or a {@link TimeoutException} when extraction took longer than the budget.
   * An interrupt does not cut the wait short (the page's result is still wanted); it is kept for the caller.
   */
  Article extract(Document doc, String url) throws TimeoutException {
    Future<Article> f = pool.submit(() -> extractor.extract(doc, url));
    long deadline = System.nanoTime() + budgetNanos;
    boolean interrupted = false;
    try {
      while (true) {
        try {
          Article a = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          if (System.nanoTime() - deadline > 0) {
            // finished, but past the budget (the wait and the work raced): the same outcome either way
            throw new TimeoutException();
          }
          return a;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("extraction of " + url + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
          f.cancel(true);
          throw e;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  long budgetMs() {
    return budgetNanos / 1_000_000;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

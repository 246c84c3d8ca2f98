package dev.newsvault.crawl;

import java.time.Duration;

/**
 * Counts of a running or finished crawl.
 *
 * @param fetched URLs the crawl tried, whatever the outcome
 * @param archived pages stored whole
 * @param skipped pages not for the archive (not HTML, robots.txt)
 * @param failed pages that could not be fetched or read (HTTP errors, timeouts, too large, …)
 * @param newArticles articles seen for the first time
 * @param changedArticles articles stored with a new version
 * @param elapsed time since the crawl started
 * @param unreachable of the failed, those whose host could not be reached at all (DNS, connection refused)
 */
public record CrawlProgress(long fetched, long archived, long skipped, long failed, long newArticles,
    long changedArticles, Duration elapsed, long unreachable) {

  /** Fetches per second over the whole crawl so far. */
  public double pagesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : fetched / s;
  }
}

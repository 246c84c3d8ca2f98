package dev.newsvault.crawl;

import dev.newsvault.archive.StoreResult;
import dev.newsvault.fetch.Capture;

/**
 * Hears about each page as it is archived. Called from crawler threads, concurrently: implementations must
 * be thread-safe and quick. An exception thrown here is logged and does not affect the crawl.
 */
public interface CrawlListener {

  /** A listener that does nothing. */
  CrawlListener NONE = new CrawlListener() {};

  /** One URL was fetched (or failed) and recorded in the archive. */
  default void onPage(Capture capture, StoreResult result) {}
}

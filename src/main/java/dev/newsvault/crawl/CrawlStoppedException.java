package dev.newsvault.crawl;

/** A URL that was not fetched because the crawl is stopping; it stays queued for a resumed crawl. */
final class CrawlStoppedException extends RuntimeException {

  CrawlStoppedException(String url) {
    super("crawl stopping; " + url + " stays queued", null, false, false);
  }
}

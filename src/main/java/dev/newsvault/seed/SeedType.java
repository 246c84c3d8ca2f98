package dev.newsvault.seed;

/** What a seed URL points at, which decides how the crawl starts from it. */
public enum SeedType {
  /** An HTML page: crawled, and its links followed. */
  PAGE,
  /** An RSS or Atom feed: its entries are the start pages. */
  FEED,
  /** A sitemap: its URLs are the start pages. */
  SITEMAP
}

package dev.newsvault.crawl;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crawl's own record of which URLs it has accepted, where each came from and how deep it is. crawler4j
 * keeps a frontier too, but it assigns doc ids racily (the same URL can be visited twice) and its resumable
 * mode loses URLs; this map is the authority for "already scheduled", and the archive's frontier table is
 * the durable copy a resumed crawl starts from.
 */
final class CrawlFrontier {

  /** Where an accepted URL came from: its start URL and its link depth from there. */
  record Origin(CrawlStart start, int depth) {}

  private final Map<String, Origin> origins = new ConcurrentHashMap<>();
  private final Set<String> doneBefore;
  private final int maxPages;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicBoolean limitReached = new AtomicBoolean();

  /**
   * @param doneBefore URLs an earlier, interrupted run of this crawl already fetched
   * @param maxPages how many URLs this crawl may accept, 0 for no limit
   */
  CrawlFrontier(Set<String> doneBefore, int maxPages) {
    this.doneBefore = Set.copyOf(doneBefore);
    this.maxPages = maxPages;
  }

  /** Accepts {@code url} once; false when it is known already, was done before, or the page limit is reached. */
  boolean accept(String url, Origin origin) {
    if (doneBefore.contains(url) || origins.containsKey(url)) {
      return false;
    }
    if (maxPages > 0 && accepted.get() >= maxPages) {
      limitReached.set(true);
      return false;
    }
    if (origins.putIfAbsent(url, origin) != null) {
      return false;
    }
    if (maxPages > 0 && accepted.incrementAndGet() > maxPages) {
      origins.remove(url);
      limitReached.set(true);
      return false;
    }
    return true;
  }

  /**
   * Notes a URL that was fetched without being scheduled (the end of a redirect), so a later link to it is
   * not fetched again. Returns false when it was known already.
   */
  boolean claim(String url, Origin origin) {
    return !doneBefore.contains(url) && origins.putIfAbsent(url, origin) == null;
  }

  Origin origin(String url) {
    return origins.get(url);
  }

  boolean limitReached() {
    return limitReached.get();
  }
}

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
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Set<String> covered = ConcurrentHashMap.newKeySet();

  /**
   * @param doneBefore URLs an earlier, interrupted run of this crawl already fetched
   * @param maxPages how many URLs this crawl may accept, 0 for no limit
   */
  CrawlFrontier(Set<String> doneBefore, int maxPages) {
    this.doneBefore = Set.copyOf(doneBefore);
    this.maxPages = maxPages;
  }

  /**
   * Whether {@code url} was accepted in this crawl or done before it: {@link #accept} refuses it whatever
   * else holds, so a link to it need not reach crawler4j at all.
   */
  boolean known(String url) {
    return doneBefore.contains(url) || origins.containsKey(url);
  }

  /** Accepts {@code url} once; false when it is known already, was done before, or the page limit is reached. */
  boolean accept(String url, Origin origin) {
    if (known(url)) {
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
    pending.add(url);
    return true;
  }

  /** An accepted URL has been recorded (or dropped for good): it no longer holds the crawl open. */
  void finished(String url) {
    pending.remove(url);
  }

  /** The accepted URLs not yet recorded. */
  java.util.List<String> pendingUrls() {
    return java.util.List.copyOf(pending);
  }

  /** Whether every accepted URL has been recorded: the crawl is over unless it was stopped. */
  boolean drained() {
    return pending.isEmpty();
  }

  /**
   * Notes that fetching {@code url} ended at {@code finalUrl} after redirects: a later link to the final URL is
   * not followed, and if it is queued already it is not fetched again. When a start page redirects (http to
   * https, example.com to www.example.com), the host it ends on counts as the start's own host.
   */
  void redirected(String url, String finalUrl) {
    covered.add(finalUrl);
    Origin origin = origins.get(url);
    if (origin != null && !doneBefore.contains(finalUrl)) {
      origins.putIfAbsent(finalUrl, origin);
      if (origin.depth() == 0) {
        origin.start().hosts.add(UrlScope.host(finalUrl));
      }
    }
  }

  /** Whether {@code url} was already fetched as the end of a redirect, so fetching it again is waste. */
  boolean covered(String url) {
    return covered.contains(url);
  }

  Origin origin(String url) {
    return origins.get(url);
  }

  boolean limitReached() {
    return limitReached.get();
  }
}

package dev.newsvault.seed;

import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.ContentTypes;
import dev.newsvault.fetch.Validators;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a feed or sitemap seed into the start URLs of a crawl: the articles a feed lists, or the URLs of a
 * sitemap, following sitemap indexes and robots.txt {@code Sitemap:} lines. A seed's kind is declared on its
 * line ({@code type=feed|sitemap}) or detected from what the server sends. Every limit of
 * {@link ExpansionLimits} that is hit is logged once with the seed's name, and the expansion goes on with
 * what it has. A feed or sitemap seed that serves an HTML page is reported and crawled as a page seed.
 */
public final class SeedExpander {

  private static final Logger LOG = LoggerFactory.getLogger(SeedExpander.class);
  /** Sitemap URLs named in one grouped warning; the rest are counted (status lists every one). */
  private static final int SHOWN = 3;

  /** Fetches one URL (any content type) with optional validators; the fetch layer's {@code PageFetcher}. */
  @FunctionalInterface
  public interface Fetcher {
    Capture fetch(String url, Validators validators) throws InterruptedException;
  }

  /** The sitemaps robots.txt lists for a URL's site; the fetch layer's {@code RobotsPolicy::sitemaps}. */
  @FunctionalInterface
  public interface RobotsSitemaps {
    List<String> sitemaps(String url) throws InterruptedException;
  }

  private final Fetcher fetcher;
  private final RobotsSitemaps robots;
  private final Function<String, Validators> validators;
  private final ExpansionLimits limits;
  private final FeedReader feeds = new FeedReader();
  private final SitemapReader sitemaps;

  /**
   * @param validators the validators stored from the last fetch of a feed or sitemap URL, for conditional GET
   */
  public SeedExpander(Fetcher fetcher, RobotsSitemaps robots, Function<String, Validators> validators,
      ExpansionLimits limits) {
    this.fetcher = fetcher;
    this.robots = robots;
    this.validators = validators;
    this.limits = limits;
    this.sitemaps = new SitemapReader(limits.maxBytes());
  }

  /** Whether a seed should be expanded before crawling: declared feed/sitemap, or a URL that looks like one. */
  public static boolean isExpandable(String url, SeedType declared) {
    if (declared != null) {
      return declared != SeedType.PAGE;
    }
    HttpUrl u = HttpUrl.parse(url);
    if (u == null) {
      return false;
    }
    String path = u.encodedPath().toLowerCase(java.util.Locale.ROOT);
    return path.endsWith(".xml") || path.endsWith(".xml.gz") || path.endsWith(".rss") || path.endsWith(".atom")
        || path.endsWith("/feed") || path.endsWith("/feed/") || path.endsWith("/rss") || path.endsWith("/rss/")
        || path.endsWith("/robots.txt") || path.contains("sitemap");
  }

  /**
   * Expands one seed.
   *
   * @param declared the seed line's {@code type=}, or null to detect it
   * @param label how log lines name the seed, e.g. {@code seeds/news.txt:3}
   */
  public Expansion expand(String seedUrl, SeedType declared, String label) throws InterruptedException {
    Run run = new Run(seedUrl, label);
    HttpUrl u = HttpUrl.parse(seedUrl);
    if (u == null) {
      run.warn("is not an http or https URL; skipped");
      return run.result(null);
    }
    if (declared == SeedType.PAGE) {
      run.add(new DiscoveredUrl(seedUrl, seedUrl, SeedType.PAGE, null, null, null));
      return run.result(SeedType.PAGE);
    }
    boolean siteRoot = "/".equals(u.encodedPath()) || u.encodedPath().endsWith("/robots.txt");
    if (declared == SeedType.SITEMAP && siteRoot) {
      List<String> listed = robots.sitemaps(seedUrl);
      if (listed.isEmpty()) {
        run.warn("robots.txt of " + u.host() + " lists no Sitemap: lines; give the sitemap's own URL on the seed line");
        return run.result(SeedType.SITEMAP);
      }
      walkSitemaps(run, listed);
      return run.result(SeedType.SITEMAP);
    }
    Capture c = fetcher.fetch(seedUrl, validators.apply(seedUrl));
    if (c.status() == 304) {
      run.sources.add(new SourceFetch(seedUrl, declared == null ? SeedType.FEED : declared, 304, c.etag(),
          c.lastModified(), null, 0, null));
      LOG.info("seed {} ({}): not modified since the last fetch; no new URLs", seedUrl, label);
      return run.result(declared);
    }
    if (!c.ok() || c.body() == null) {
      String why = c.failure() == null ? "HTTP " + c.status() : c.failure().detail();
      run.warn("could not be fetched: " + why);
      run.sources.add(new SourceFetch(seedUrl, declared, c.status(), null, null, null, 0, why));
      return run.result(declared);
    }
    if (declared != SeedType.SITEMAP) {
      try {
        ParsedFeed feed = feeds.read(c.body(), c.contentType(), c.finalUrl());
        for (FeedEntry e : feed.entries()) {
          if (!run.add(new DiscoveredUrl(e.url(), seedUrl, SeedType.FEED, e.title(), e.published(), e.author()))) {
            break;
          }
        }
        run.sources.add(new SourceFetch(seedUrl, SeedType.FEED, c.status(), c.etag(), c.lastModified(),
            feed.title(), feed.entries().size(), null));
        LOG.info("seed {} ({}): feed '{}' lists {} articles", seedUrl, label, feed.title(), feed.entries().size());
        return run.result(SeedType.FEED);
      } catch (NotAFeedException e) {
        if (declared == SeedType.FEED && !isHtml(c)) {
          run.warn("is declared type=feed but is not a feed: " + e.getMessage());
          run.sources.add(new SourceFetch(seedUrl, SeedType.FEED, c.status(), null, null, null, 0, e.getMessage()));
          return run.result(SeedType.FEED);
        }
      }
    }
    if (isHtml(c)) {
      if (declared != null) {
        run.warn("is declared type=" + declared.name().toLowerCase(java.util.Locale.ROOT) + " but serves an HTML page (" + c.contentType()
            + "); crawling it as a page seed. Look for the site's feed or sitemap link, or drop the type=");
      }
      run.add(new DiscoveredUrl(seedUrl, seedUrl, SeedType.PAGE, null, null, null));
      return run.result(SeedType.PAGE);
    }
    walkSitemaps(run, List.of(), c);
    return run.result(SeedType.SITEMAP);
  }

  private static boolean isHtml(Capture c) {
    String ct = c.contentType();
    return ct != null && !ct.isBlank() ? ContentTypes.isHtml(ct) : ContentTypes.looksLikeHtml(c.body());
  }

  private void walkSitemaps(Run run, List<String> roots) throws InterruptedException {
    walkSitemaps(run, roots, null);
  }

  /** Breadth-first over sitemaps and indexes, starting from {@code first} (already fetched) and/or roots. */
  private void walkSitemaps(Run run, List<String> roots, Capture first) throws InterruptedException {
    record Pending(String url, int level, Capture fetched) {}
    Deque<Pending> queue = new ArrayDeque<>();
    Set<String> seen = new LinkedHashSet<>();
    if (first != null) {
      queue.add(new Pending(run.seedUrl, 0, first));
      seen.add(run.seedUrl);
    }
    for (String r : roots) {
      if (seen.add(r)) {
        queue.add(new Pending(r, 0, null));
      }
    }
    int fetched = 0;
    boolean depthWarned = false;
    while (!queue.isEmpty() && !run.full()) {
      Pending p = queue.poll();
      if (fetched >= limits.maxSitemaps()) {
        run.warn("fetched " + fetched + " sitemaps, the limit (discovery.sitemap.max.fetches="
            + limits.maxSitemaps() + "); " + (queue.size() + 1) + " more not read");
        break;
      }
      fetched++;
      Capture c = p.fetched != null ? p.fetched : fetcher.fetch(p.url, validators.apply(p.url));
      if (c.status() == 304) {
        run.sources.add(new SourceFetch(p.url, SeedType.SITEMAP, 304, c.etag(), c.lastModified(), null, 0, null));
        continue;
      }
      if (!c.ok() || c.body() == null) {
        String why = c.failure() == null ? "HTTP " + c.status() : c.failure().detail();
        run.sitemapFailed(c.failure() == null ? "HTTP " + c.status() : c.failure().kind().code(), p.url, why);
        run.sources.add(new SourceFetch(p.url, SeedType.SITEMAP, c.status(), null, null, null, 0, why));
        continue;
      }
      ParsedSitemap map;
      try {
        map = sitemaps.read(c.body(), c.contentType(), c.finalUrl());
      } catch (NotAFeedException e) {
        run.warn(isHtml(c) ? "sitemap " + p.url + " is an HTML page, not a sitemap; skipped" : e.getMessage());
        run.sources.add(new SourceFetch(p.url, SeedType.SITEMAP, c.status(), null, null, null, 0, e.getMessage()));
        continue;
      }
      int listed = map.index() ? map.children().size() : map.entries().size();
      run.sources.add(new SourceFetch(p.url, SeedType.SITEMAP, c.status(), c.etag(), c.lastModified(), null,
          listed, null));
      if (map.index()) {
        if (p.level + 1 > limits.maxIndexDepth()) {
          if (!depthWarned) {
            run.warn("sitemap index " + p.url + " nests deeper than discovery.sitemap.max.depth="
                + limits.maxIndexDepth() + "; its " + listed + " sitemaps are not read");
            depthWarned = true;
          }
          continue;
        }
        // Newest first: a news site's index lists years of archive sitemaps, and the recent ones matter.
        for (SitemapEntry child : newestFirst(map.children())) {
          if (seen.add(child.url())) {
            queue.add(new Pending(child.url(), p.level + 1, null));
          }
        }
        continue;
      }
      List<SitemapEntry> entries = newestFirst(map.entries());
      if (entries.size() > limits.maxUrlsPerSitemap()) {
        run.warn("sitemap " + p.url + " lists " + entries.size() + " URLs; taking the newest "
            + limits.maxUrlsPerSitemap() + " (discovery.sitemap.max.urls)");
        entries = entries.subList(0, limits.maxUrlsPerSitemap());
      }
      for (SitemapEntry e : entries) {
        Instant when = e.published() != null ? e.published() : e.lastModified();
        if (!run.add(new DiscoveredUrl(e.url(), p.url, SeedType.SITEMAP, e.title(), when, null))) {
          break;
        }
      }
    }
  }

  private static List<SitemapEntry> newestFirst(List<SitemapEntry> in) {
    List<SitemapEntry> out = new ArrayList<>(in);
    Comparator<SitemapEntry> byTime = Comparator.comparing(
        (SitemapEntry e) -> e.published() != null ? e.published() : e.lastModified(),
        Comparator.nullsFirst(Comparator.naturalOrder()));
    out.sort(byTime.reversed());
    return out;
  }

  /** One expansion's state: URLs so far (deduplicated), sources fetched, warnings. */
  private final class Run {
    final String seedUrl;
    final String label;
    final Map<String, DiscoveredUrl> urls = new LinkedHashMap<>();
    final List<SourceFetch> sources = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Map<String, List<String[]>> unfetched = new LinkedHashMap<>();
    boolean capped;

    Run(String seedUrl, String label) {
      this.seedUrl = seedUrl;
      this.label = label;
    }

    /** Adds a URL; false when the per-seed limit is reached (logged once). */
    boolean add(DiscoveredUrl d) {
      if (urls.size() >= limits.maxUrlsPerSeed()) {
        if (!capped) {
          capped = true;
          warn("reached " + limits.maxUrlsPerSeed() + " start URLs (discovery.seed.max.urls); the rest are not crawled");
        }
        return false;
      }
      urls.putIfAbsent(d.url(), d);
      return true;
    }

    boolean full() {
      return capped;
    }

    /**
     * A problem, reported once: the caller prints {@link Expansion#warnings()} (crawl) or logs them (schedule),
     * so logging here too would say everything twice.
     */
    void warn(String what) {
      String line = "seed " + seedUrl + " (" + label + ") " + what;
      LOG.debug(line);
      warnings.add(line);
    }

    /** A sitemap that could not be fetched, grouped by the kind of failure: an index may list dozens. */
    void sitemapFailed(String kind, String url, String detail) {
      unfetched.computeIfAbsent(kind, k -> new ArrayList<>()).add(new String[] {url, detail});
    }

    Expansion result(SeedType kind) {
      unfetched.forEach((failure, list) -> {
        if (list.size() == 1) {
          warn("sitemap " + list.get(0)[0] + " could not be fetched: " + list.get(0)[1]);
          return;
        }
        StringBuilder b = new StringBuilder().append(list.size()).append(" sitemaps could not be fetched (")
            .append(failure).append(", e.g. ").append(list.get(0)[1]).append("): ");
        for (int i = 0; i < Math.min(SHOWN, list.size()); i++) {
          b.append(i == 0 ? "" : ", ").append(list.get(i)[0]);
        }
        if (list.size() > SHOWN) {
          b.append(" and ").append(list.size() - SHOWN).append(" more (./newsvault status lists them)");
        }
        warn(b.toString());
      });
      unfetched.clear();
      return new Expansion(seedUrl, kind, List.copyOf(urls.values()), sources, warnings);
    }
  }
}

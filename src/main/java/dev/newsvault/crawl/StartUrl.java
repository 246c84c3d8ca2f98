package dev.newsvault.crawl;

import dev.newsvault.config.Scope;
import dev.newsvault.config.Settings;
import dev.newsvault.seed.Seed;
import java.util.Map;

/**
 * Where a crawl starts: a normalised http(s) URL, how many links deep to follow from it, which hosts its
 * links may lead to, whether its pages are loaded in the browser ({@code render=browser}), and a label saying where it came from (a seed line, a feed, a sitemap). Seed files give
 * page seeds directly; feed and sitemap discovery hands the crawl the pages it found as start URLs too.
 */
public record StartUrl(String url, int maxDepth, Scope scope, String label, boolean render,
    Map<String, String> requests) {

  /** A start URL whose pages are fetched plainly (unless their host is in {@code render.hosts}). */
  public StartUrl(String url, int maxDepth, Scope scope, String label) {
    this(url, maxDepth, scope, label, false, Map.of());
  }

  /** A start URL with no headers or cookies of its own. */
  public StartUrl(String url, int maxDepth, Scope scope, String label, boolean render) {
    this(url, maxDepth, scope, label, render, Map.of());
  }

  @Override
  public String toString() {
    return "StartUrl[" + url + ", depth " + maxDepth + ", " + scope + ", " + label + (render ? ", rendered" : "")
        + (requests.isEmpty() ? "" : ", requests " + requests.keySet() + " (values hidden)") + "]";
  }

  public StartUrl {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a start URL must not be empty");
    }
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must be >= 0 for " + url + ", got " + maxDepth);
    }
    scope = scope == null ? Scope.HOST : scope;
    requests = requests == null ? Map.of() : Map.copyOf(requests);
    label = label == null ? url : label;
  }

  /** A start URL with the crawl's default depth and scope. */
  public static StartUrl of(String url, Settings settings) {
    return new StartUrl(url, settings.maxDepth(), settings.scope(), url);
  }

  /** A page seed with its own depth and scope where the seed line gives them. */
  public static StartUrl of(Seed seed, Settings settings) {
    return new StartUrl(seed.url(), seed.depth() != null ? seed.depth() : settings.maxDepth(),
        seed.scope() != null ? seed.scope() : settings.scope(), seed.origin(), seed.render(), seed.requests());
  }
}

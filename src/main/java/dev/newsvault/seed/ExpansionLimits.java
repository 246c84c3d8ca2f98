package dev.newsvault.seed;

import dev.newsvault.config.ConfigException;
import dev.newsvault.config.Settings;
import java.util.Map;
import java.util.Set;

/**
 * Limits that keep one feed or sitemap seed from flooding a crawl (a "sitemap bomb"). Keys and defaults are
 * documented in {@code crawl-config.properties} under {@code discovery.*}.
 *
 * @param maxUrlsPerSitemap URLs taken from one sitemap file (the sitemaps.org limit is 50,000)
 * @param maxUrlsPerSeed URLs taken from one seed in total, across all its sitemaps
 * @param maxIndexDepth how deep sitemap indexes may nest below the seed (the seed itself is level 0)
 * @param maxSitemaps sitemap files fetched for one seed
 * @param maxBytes the largest body read, from {@code max.page.bytes}
 */
public record ExpansionLimits(int maxUrlsPerSitemap, int maxUrlsPerSeed, int maxIndexDepth, int maxSitemaps,
    long maxBytes) {

  static final Map<String, Integer> DEFAULTS = Map.of(
      "discovery.sitemap.max.urls", 50_000,
      "discovery.seed.max.urls", 10_000,
      "discovery.sitemap.max.depth", 3,
      "discovery.sitemap.max.fetches", 50);

  public static ExpansionLimits from(Settings s) {
    Map<String, String> g = s.group("discovery.");
    for (String k : g.keySet()) {
      if (!DEFAULTS.containsKey(k)) {
        throw new ConfigException("unknown config key '" + k + "'; the discovery keys are "
            + String.join(", ", Set.copyOf(DEFAULTS.keySet())));
      }
    }
    return new ExpansionLimits(get(g, "discovery.sitemap.max.urls", 1), get(g, "discovery.seed.max.urls", 1),
        get(g, "discovery.sitemap.max.depth", 0), get(g, "discovery.sitemap.max.fetches", 1), s.maxPageBytes());
  }

  private static int get(Map<String, String> g, String key, int min) {
    String v = g.get(key);
    if (v == null) {
      return DEFAULTS.get(key);
    }
    try {
      int n = Integer.parseInt(v.strip().replace("_", ""));
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ConfigException("config key '" + key + "' has value '" + v + "'; it accepts a whole number from "
        + min + " (default: " + DEFAULTS.get(key) + ")");
  }
}

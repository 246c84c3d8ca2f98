package dev.newsvault.seed;

import java.util.List;

/**
 * What a seed expanded into.
 *
 * @param seedUrl the seed line's URL
 * @param kind what the seed turned out to be
 * @param urls the start URLs, newest first for feeds and news sitemaps, without duplicates
 * @param sources every feed or sitemap fetched (for their validators and status)
 * @param warnings limits hit and problems, one readable line each, naming the seed
 */
public record Expansion(String seedUrl, SeedType kind, List<DiscoveredUrl> urls, List<SourceFetch> sources,
    List<String> warnings) {
  public Expansion {
    urls = List.copyOf(urls);
    sources = List.copyOf(sources);
    warnings = List.copyOf(warnings);
  }
}

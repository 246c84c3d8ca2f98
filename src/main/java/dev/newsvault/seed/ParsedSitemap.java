package dev.newsvault.seed;

import java.util.List;

/**
 * A parsed sitemap: either a URL set ({@code entries}) or an index of further sitemaps ({@code children}).
 */
public record ParsedSitemap(String url, boolean index, List<SitemapEntry> entries, List<SitemapEntry> children) {
  public ParsedSitemap {
    entries = List.copyOf(entries);
    children = List.copyOf(children);
  }
}

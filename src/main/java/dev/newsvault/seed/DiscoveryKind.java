package dev.newsvault.seed;

import java.util.Locale;

/** What a seed URL serves: a web page to crawl, an RSS/Atom feed, or an XML sitemap (or sitemap index). */
public enum DiscoveryKind {
  PAGE,
  FEED,
  SITEMAP;

  /** The value of a seed line's {@code type=} setting; null or blank means "detect from the response". */
  public static DiscoveryKind parse(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return valueOf(type.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("type=" + type + " is not one of page, feed, sitemap");
    }
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

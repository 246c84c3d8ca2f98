package dev.newsvault.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The links of a page that a crawl may follow: {@code a} and {@code area} hrefs (never images, scripts or
 * stylesheets), resolved against the page's final URL and its {@code <base>}, without fragments, normalised
 * as seeds are, at most {@value #MAX_LINKS} per page.
 */
final class Links {

  static final int MAX_LINKS = 5000;
  private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

  private Links() {}

  static Set<String> of(Document doc) {
    Set<String> out = new LinkedHashSet<>();
    for (Element a : doc.select("a[href], area[href]")) {
      String rel = a.attr("rel").toLowerCase(Locale.ROOT);
      if (rel.contains("nofollow")) {
        continue;
      }
      String url = normalize(a.absUrl("href"));
      if (url != null) {
        out.add(url);
        if (out.size() >= MAX_LINKS) {
          break;
        }
      }
    }
    return out;
  }

  /** A normalised http(s) URL without its fragment, or null when the link is unusable. */
  static String normalize(String url) {
    if (url == null || url.isEmpty() || !LinkFilter.isHttp(url)) {
      return null;
    }
    int hash = url.indexOf('#');
    if (hash >= 0) {
      url = url.substring(0, hash);
    }
    try {
      return NORMALIZER.filter(url);
    } catch (RuntimeException e) {
      return null;
    }
  }
}

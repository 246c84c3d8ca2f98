package dev.newsvault.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The links of a page that a crawl may follow: {@code a} and {@code area} hrefs (never images, scripts or
 * stylesheets), resolved against the page's final URL and its {@code <base>}, without fragments, normalised
 * as seeds are, at most {@value #MAX_LINKS} per page.
 *
 * <p>Links are resolved against the page's base, parsed once per page: jsoup's {@code absUrl} walks up to
 * the root for the base and parses it again for every link, which cost as much as parsing the page. And
 * normalising is not cheap either, while most of a page's links repeat: on
 * the page (the same story linked from its headline, picture and "read more") and across the site's
 * pages (menus, footers). So each absolute URL is normalised once per page and remembered across pages,
 * in a memo that is emptied when it grows past {@value #MEMO_MAX} entries.
 */
final class Links {

  static final int MAX_LINKS = 5000;
  /** Parsed once: a query string given to select() is parsed again on every call. */
  private static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");
  private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();
  static final int MEMO_MAX = 50_000;
  /** Absolute URL to its normal form; the empty string for links that are not followed. */
  private static final ConcurrentHashMap<String, String> MEMO = new ConcurrentHashMap<>();

  /**
   * Per origin (a base's scheme and authority), a root-relative link ("/world/story-1") to its normal form (as
   * {@link #MEMO} holds it): such a link resolves the same way on every page of the site, so the menus and
   * footers every page repeats are resolved once, not once a page.
   */
  private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> SITE_MEMO =
      new ConcurrentHashMap<>();
  /**
   * The entries of all sites' memos, counted as they are added: the memos are emptied together past {@value
   * #MEMO_MAX}. Each origin has a memo of its own, so a link is looked up by itself, not by a string made of the
   * origin and the link for each of a page's links.
   */
  private static final AtomicInteger SITE_MEMO_SIZE = new AtomicInteger();

  private Links() {}

  static Set<String> of(Document doc) {
    return of(doc, doc.select(LINKS));
  }

  /** As {@link #of(Document)}, given the page's {@code a[href]} and {@code area[href]} elements in page order. */
  static Set<String> of(Document doc, List<Element> anchors) {
    URL base = base(doc.baseUri());
    ConcurrentHashMap<String, String> site = base == null ? null : siteMemo(base.getProtocol() + "://"
        + base.getAuthority());
    Set<String> out = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    for (Element a : anchors) {
      String rel = a.attr("rel").toLowerCase(Locale.ROOT);
      if (rel.contains("nofollow")) {
        continue;
      }
      String href = a.attr("href");
      String url;
      if (site != null && href.startsWith("/")) {
        url = siteNormalize(base, site, href);
      } else {
        String absolute = absolute(base, href);
        if (absolute == null || !seen.add(absolute)) {
          continue;
        }
        url = memoNormalize(absolute);
      }
      if (url != null) {
        out.add(url);
        if (out.size() >= MAX_LINKS) {
          break;
        }
      }
    }
    return out;
  }

  private static URL base(String baseUri) {
    try {
      return new URL(stripControls(baseUri));
    } catch (MalformedURLException e) {
      return null;
    }
  }

  /** The link resolved as jsoup's {@code absUrl} does, with the base parsed once; null when it cannot be. */
  static String absolute(URL base, String href) {
    String rel = stripControls(href);
    if (rel.regionMatches(true, 0, "https://", 0, 8) || rel.regionMatches(true, 0, "http://", 0, 7)) {
      return rel;
    }
    if (base == null) {
      return null;
    }
    try {
      return StringUtil.resolve(base, rel).toExternalForm();
    } catch (MalformedURLException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Browsers drop tabs and newlines inside URLs; other controls are dropped too, as jsoup does. */
  private static String stripControls(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x20) {
        StringBuilder b = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
          if (s.charAt(j) >= 0x20) {
            b.append(s.charAt(j));
          }
        }
        return b.toString();
      }
    }
    return s;
  }

  /** A root-relative link resolved and normalised as {@link #absolute} and {@link #memoNormalize} would, or null. */
  private static String siteNormalize(URL base, ConcurrentHashMap<String, String> site, String href) {
    String known = site.get(href);
    if (known == null) {
      String absolute = absolute(base, href);
      String url = absolute == null ? null : memoNormalize(absolute);
      known = url == null ? "" : url;
      if (SITE_MEMO_SIZE.incrementAndGet() > MEMO_MAX) {
        SITE_MEMO.clear(); // a page still holding its site's memo fills it for itself alone
        SITE_MEMO_SIZE.set(0);
      }
      site.put(href, known);
    }
    return known.isEmpty() ? null : known;
  }

  /** The memo of the origin ({@code scheme://authority}) of a page's base: its root-relative links' normal forms. */
  private static ConcurrentHashMap<String, String> siteMemo(String origin) {
    ConcurrentHashMap<String, String> site = SITE_MEMO.get(origin);
    if (site == null) {
      site = new ConcurrentHashMap<>();
      ConcurrentHashMap<String, String> raced = SITE_MEMO.putIfAbsent(origin, site);
      site = raced == null ? site : raced;
    }
    return site;
  }

  private static String memoNormalize(String absolute) {
    String known = MEMO.get(absolute);
    if (known == null) {
      String url = normalize(absolute);
      known = url == null ? "" : url;
      if (MEMO.size() >= MEMO_MAX) {
        MEMO.clear();
      }
      MEMO.put(absolute, known);
    }
    return known.isEmpty() ? null : known;
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

package dev.newsvault.check;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ArticleLookup;
import dev.newsvault.archive.ArticleRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * Decides whether a redirect leads to the same article or elsewhere. Two URLs name the same article when
 * they differ only in ways a site changes without moving anything: http versus https, a leading
 * {@code www.}, host case, an explicit default port, a trailing slash, the fragment, the order of query
 * parameters, and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and the like).
 * Anything else, including another path or another content parameter, is a move.
 *
 * <p>The same rule finds an article for every command that takes a URL ({@code show}, {@code history},
 * {@code diff}): {@link #find} accepts any of these forms of an archived URL.
 */
public final class UrlIdentity {

  private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
      "igshid", "_ga", "ref", "ref_src", "cmpid", "ocid", "smid", "ito", "at_medium", "at_campaign", "s_cid");

  private UrlIdentity() {}

  /** Whether {@code a} and {@code b} name the same article. Unparseable URLs are the same only when equal. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.equals(b)) {
      return true;
    }
    String ka = key(a);
    return ka != null && ka.equals(key(b));
  }

  /**
   * The article {@code url} names: the one archived under exactly that URL or canonical URL, else the one
   * whose URL or canonical URL is the same article by this class's rule (the oldest, if several are).
   */
  public static Optional<ArticleRecord> find(Archive archive, String url) throws ArchiveException {
    Optional<ArticleRecord> exact = archive.reader().article(url);
    if (exact.isPresent()) {
      return exact;
    }
    HttpUrl u = HttpUrl.parse(url);
    String key = key(url);
    if (u == null || key == null) {
      return Optional.empty();
    }
    String host = u.host().toLowerCase(Locale.ROOT);
    String bare = host.startsWith("www.") ? host.substring(4) : host;
    for (ArticleRecord a : new ArticleLookup(archive).onHosts(List.of(bare, "www." + bare))) {
      if (key.equals(key(a.url())) || (a.canonicalUrl() != null && key.equals(key(a.canonicalUrl())))) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code url} is a site's front page (path {@code /}, no query): where removed articles often lead. */
  public static boolean isHomePage(String url) {
    HttpUrl u = HttpUrl.parse(url);
    return u != null && "/".equals(u.encodedPath()) && u.querySize() == 0;
  }

  static String key(String url) {
    HttpUrl u = HttpUrl.parse(url);
    if (u == null) {
      return null;
    }
    String host = u.host().toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    boolean defaultPort = u.port() == HttpUrl.defaultPort(u.scheme());
    String path = u.encodedPath();
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    TreeMap<String, String> query = new TreeMap<>();
    for (int i = 0; i < u.querySize(); i++) {
      String name = u.queryParameterName(i);
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("utm_") && !TRACKING.contains(lower)) {
        query.merge(name, String.valueOf(u.queryParameterValue(i)), (x, y) -> x + "\u0000" + y);
      }
    }
    return host + (defaultPort ? "" : ":" + u.port()) + path + (query.isEmpty() ? "" : "?" + query);
  }
}

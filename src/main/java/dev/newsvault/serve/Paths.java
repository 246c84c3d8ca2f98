package dev.newsvault.serve;

import dev.newsvault.archive.SearchQuery;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The app's URLs, built in one place so templates, feeds and handlers agree; and which links are safe. */
public final class Paths {

  private Paths() {}

  public static String article(long id) {
    return "/articles/" + id;
  }

  public static String version(long id, int version) {
    return "/articles/" + id + "?version=" + version;
  }

  public static String raw(long id, int version) {
    return "/articles/" + id + "/raw/" + version;
  }

  public static String screenshot(long id, int version) {
    return "/articles/" + id + "/screenshot/" + version;
  }

  public static String diff(long id, int from, int to) {
    return "/articles/" + id + "/diff/" + from + "/" + to;
  }

  public static String site(String host) {
    return "/sites/" + encode(host);
  }

  public static String siteFeed(String host) {
    return "/sites/" + encode(host) + "/feed.atom";
  }

  public static String articleFeed(long id) {
    return "/articles/" + id + "/feed.atom";
  }

  /** The search {@code q} at another page, every filter kept. */
  public static String search(SearchQuery q, int page) {
    StringBuilder b = new StringBuilder("/search?q=").append(encode(q.q()));
    param(b, "site", q.site());
    param(b, "from", q.from());
    param(b, "to", q.to());
    param(b, "lang", q.language());
    param(b, "changed", q.changedOnly() ? "1" : null);
    param(b, "all", q.allVersions() ? "1" : null);
    param(b, "sort", q.newest() ? "newest" : null);
    param(b, "page", page > 1 ? Integer.toString(page) : null);
    return b.toString();
  }

  private static void param(StringBuilder b, String name, String value) {
    if (value != null) {
      b.append('&').append(name).append('=').append(encode(value));
    }
  }

  public static String encode(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  /**
   * Whether an archived URL may be a link: only http and https. Page metadata (canonical, image) is the site's
   * word and could be {@code javascript:}; such a value is shown as text, never as a link.
   */
  public static boolean linkable(String url) {
    if (url == null) {
      return false;
    }
    try {
      String scheme = URI.create(url.strip()).getScheme();
      return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http")
          || scheme.toLowerCase(Locale.ROOT).equals("https"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

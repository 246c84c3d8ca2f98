package dev.newsvault.crawl;

import crawlercommons.domains.EffectiveTldFinder;
import dev.newsvault.config.Scope;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Whether a link stays within a start URL's scope: its host, its registered domain, or anywhere. */
final class UrlScope {

  private UrlScope() {}

  static boolean inScope(Scope scope, Set<String> startHosts, String url) {
    String host = host(url);
    if (host.isEmpty()) {
      return false;
    }
    return switch (scope) {
      case ANY -> true;
      case HOST -> startHosts.contains(host);
      case DOMAIN -> {
        String domain = domain(host);
        yield startHosts.stream().anyMatch(h -> domain(h).equals(domain));
      }
    };
  }

  /** The lower-case host of a URL, or "" when it has none. */
  static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** The registered domain (example.co.uk for news.example.co.uk); an IP address or unknown suffix stays whole. */
  static String domain(String host) {
    String d = EffectiveTldFinder.getAssignedDomain(host, true, false);
    return d == null || d.isEmpty() ? host : d;
  }
}

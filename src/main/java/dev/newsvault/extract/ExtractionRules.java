package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Site-specific help for the extractor, from configuration. {@code include} selectors name the
 * article container(s) to use when present; {@code exclude} selectors are removed before extraction.
 * Global rules apply to every page; host rules apply when the page's host is that host or a
 * subdomain of it.
 *
 * <p>Keys: {@code extract.include}, {@code extract.exclude}, {@code extract.include.<host>},
 * {@code extract.exclude.<host>}; values are CSS selectors (jsoup syntax, comma for several).
 */
public record ExtractionRules(
    String include, String exclude, Map<String, String> hostIncludes, Map<String, String> hostExcludes) {

  public static final ExtractionRules NONE = new ExtractionRules(null, null, Map.of(), Map.of());

  private static final String INCLUDE = "extract.include";
  private static final String EXCLUDE = "extract.exclude";

  public ExtractionRules {
    include = blankToNull(include);
    exclude = blankToNull(exclude);
    hostIncludes = Map.copyOf(hostIncludes == null ? Map.of() : hostIncludes);
    hostExcludes = Map.copyOf(hostExcludes == null ? Map.of() : hostExcludes);
  }

  /**
   * Reads the {@code extract.*} keys; keys outside that group are ignored. An unknown {@code extract.} key or
   * bad CSS fails naming the key.
   */
  public static ExtractionRules fromProperties(Map<String, String> props) {
    String include = null;
    String exclude = null;
    Map<String, String> hostIncludes = new LinkedHashMap<>();
    Map<String, String> hostExcludes = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : props.entrySet()) {
      String key = e.getKey();
      if (key != null && key.startsWith("extract.") && !key.equals(INCLUDE) && !key.equals(EXCLUDE)
          && !key.startsWith(INCLUDE + ".") && !key.startsWith(EXCLUDE + ".")) {
        throw new IllegalArgumentException("unknown config key '" + key + "'; the extraction keys are "
            + INCLUDE + ", " + EXCLUDE + ", " + INCLUDE + ".<host> and " + EXCLUDE + ".<host> (CSS selectors)");
      }
      String value = blankToNull(e.getValue());
      if (key == null || value == null) {
        continue;
      }
      if (key.equals(INCLUDE)) {
        include = validated(key, value);
      } else if (key.equals(EXCLUDE)) {
        exclude = validated(key, value);
      } else if (key.startsWith(INCLUDE + ".")) {
        hostIncludes.put(host(key, INCLUDE), validated(key, value));
      } else if (key.startsWith(EXCLUDE + ".")) {
        hostExcludes.put(host(key, EXCLUDE), validated(key, value));
      }
    }
    return new ExtractionRules(include, exclude, hostIncludes, hostExcludes);
  }

  /** The include selectors that apply to a page on this host, most specific host first. */
  public List<String> includesFor(String host) {
    return selectorsFor(host, include, hostIncludes);
  }

  /** The exclude selectors that apply to a page on this host. */
  public List<String> excludesFor(String host) {
    return selectorsFor(host, exclude, hostExcludes);
  }

  private static List<String> selectorsFor(String host, String global, Map<String, String> byHost) {
    List<String> out = new ArrayList<>();
    if (host != null && !byHost.isEmpty()) {
      String h = host.toLowerCase(Locale.ROOT);
      while (true) {
        String css = byHost.get(h);
        if (css != null) {
          out.add(css);
        }
        int dot = h.indexOf('.');
        if (dot < 0) {
          break;
        }
        h = h.substring(dot + 1);
      }
    }
    if (global != null) {
      out.add(global);
    }
    return out;
  }

  private static String host(String key, String prefix) {
    String host = key.substring(prefix.length() + 1).trim().toLowerCase(Locale.ROOT);
    if (host.isEmpty()) {
      throw new IllegalArgumentException("Configuration key " + key + " names no host");
    }
    return host;
  }

  private static String validated(String key, String css) {
    try {
      Evaluator unused = QueryParser.parse(css);
      return css;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "Configuration key " + key + " has an invalid CSS selector '" + css + "': " + e.getMessage(), e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

package dev.newsvault.fetch;

import dev.newsvault.config.ConfigException;
import dev.newsvault.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Per-site request settings: headers and cookies for one host, from the config
 * ({@code site.HOST.header.NAME=VALUE}, {@code site.HOST.cookie=NAME=VALUE; NAME2=VALUE2}) and from seed lines
 * ({@code header.NAME=VALUE}, {@code cookie=NAME=VALUE}, for the seed's host). A value written
 * {@code env:VAR} is read from the environment variable VAR, one written {@code file:PATH} from that file (its
 * whole content, trimmed), so secrets need not sit in the config or seed file. Values are never printed: errors
 * name the key, never the value.
 */
public final class SiteRequests {

  /** No site has settings. */
  public static final SiteRequests NONE = new SiteRequests(Map.of());

  private final Map<String, HostRequests> byHost;

  private SiteRequests(Map<String, HostRequests> byHost) {
    this.byHost = Map.copyOf(byHost);
  }

  /** The {@code site.*} keys of the settings. */
  public static SiteRequests of(Settings s) {
    return of(s.group("site."), System::getenv);
  }

  static SiteRequests of(Map<String, String> group, UnaryOperator<String> env) {
    Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    Map<String, Map<String, String>> cookies = new LinkedHashMap<>();
    for (var e : group.entrySet()) {
      String k = e.getKey();
      String rest = k.substring("site.".length());
      int h = rest.indexOf(".header.");
      if (h > 0 && h + 8 < rest.length()) {
        String host = rest.substring(0, h).toLowerCase(Locale.ROOT);
        headers.computeIfAbsent(host, x -> new LinkedHashMap<>())
            .put(headerName(k, rest.substring(h + 8)), resolve(k, e.getValue(), env));
      } else if (rest.endsWith(".cookie") && rest.length() > 7) {
        String host = rest.substring(0, rest.length() - 7).toLowerCase(Locale.ROOT);
        cookies.computeIfAbsent(host, x -> new LinkedHashMap<>()).putAll(cookies(k, resolve(k, e.getValue(), env)));
      } else {
        throw new ConfigException("config key '" + k + "' is not site.HOST.header.NAME or site.HOST.cookie");
      }
    }
    Map<String, HostRequests> out = new LinkedHashMap<>();
    for (String host : union(headers, cookies)) {
      out.put(host, new HostRequests(host, headers.getOrDefault(host, Map.of()), cookies.getOrDefault(host, Map.of())));
    }
    return new SiteRequests(out);
  }

  /**
   * These settings plus a seed line's ({@code header.NAME} and {@code cookie} keys) for {@code host}; the seed
   * line's win for the same header or cookie.
   */
  public SiteRequests withSeed(String host, Map<String, String> seedSettings, String where) {
    if (seedSettings.isEmpty()) {
      return this;
    }
    String h = host.toLowerCase(Locale.ROOT);
    HostRequests had = byHost.getOrDefault(h, new HostRequests(h, Map.of(), Map.of()));
    Map<String, String> headers = new LinkedHashMap<>(had.headers());
    Map<String, String> cookies = new LinkedHashMap<>(had.cookies());
    for (var e : seedSettings.entrySet()) {
      String key = where + " " + e.getKey();
      String value = resolve(key, e.getValue(), System::getenv);
      if (e.getKey().startsWith("header.")) {
        headers.put(headerName(key, e.getKey().substring(7)), value);
      } else {
        cookies.putAll(cookies(key, value));
      }
    }
    Map<String, HostRequests> all = new ConcurrentHashMap<>(byHost);
    all.put(h, new HostRequests(h, headers, cookies));
    return new SiteRequests(all);
  }

  /** The settings for {@code host}, or {@link HostRequests#NONE}. */
  public HostRequests forHost(String host) {
    return host == null ? HostRequests.NONE : byHost.getOrDefault(host.toLowerCase(Locale.ROOT), HostRequests.NONE);
  }

  public boolean isEmpty() {
    return byHost.isEmpty();
  }

  /** The settings for the host of {@code url}. */
  public HostRequests forUrl(String url) {
    return forHost(host(url));
  }

  /** The lower-case host of {@code url}, or "" when it has none. */
  public static String host(String url) {
    try {
      String h = java.net.URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
    java.util.Set<String> s = new java.util.LinkedHashSet<>(a.keySet());
    s.addAll(b.keySet());
    return s;
  }

  private static String headerName(String key, String name) {
    if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new ConfigException("'" + key + "': '" + name + "' is not a valid HTTP header name");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("host") || lower.equals("cookie") || lower.equals("content-length")
        || lower.startsWith("proxy-")) {
      throw new ConfigException("'" + key + "': the " + name + " header cannot be set per site (cookies go in"
          + " site.HOST.cookie)");
    }
    return name;
  }

  /** NAME=VALUE pairs separated by ';'. */
  private static Map<String, String> cookies(String key, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : value.split(";")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (p.isEmpty()) {
        continue;
      }
      if (eq <= 0 || !p.substring(0, eq).matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
        throw new ConfigException("'" + key + "' takes cookies as NAME=VALUE; NAME2=VALUE2 (its value is not"
            + " shown here)");
      }
      out.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return out;
  }

  /** The value itself, or what {@code env:VAR} or {@code file:PATH} points at; never printed. */
  private static String resolve(String key, String value, UnaryOperator<String> env) {
    String v;
    if (value.startsWith("env:")) {
      v = env.apply(value.substring(4));
      if (v == null) {
        throw new ConfigException("'" + key + "' reads the environment variable " + value.substring(4)
            + ", which is not set");
      }
    } else if (value.startsWith("file:")) {
      try {
        v = Files.readString(Path.of(value.substring(5)), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigException("'" + key + "' reads the file " + value.substring(5) + ", which cannot be read: "
            + e.getClass().getSimpleName());
      }
    } else {
      v = value;
    }
    if (v.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
      throw new ConfigException("'" + key + "' has a control character in its value (values are not shown)");
    }
    return v;
  }
}

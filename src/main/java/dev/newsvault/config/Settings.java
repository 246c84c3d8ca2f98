package dev.newsvault.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every crawl setting, validated. Defaults and meanings are documented in {@code crawl-config.properties}
 * and in {@link ConfigLoader#KEYS}; {@code extra} holds the prefixed groups (extract.*, schedule.*) that
 * their own packages validate.
 */
public record Settings(
    String userAgent,
    String robotsAgent,
    Path seeds,
    int maxDepth,
    int maxPages,
    int threads,
    long politenessDelayMs,
    Scope scope,
    List<Pattern> includePatterns,
    List<Pattern> excludePatterns,
    long maxPageBytes,
    int connectTimeoutMs,
    int readTimeoutMs,
    int maxRedirects,
    Path database,
    boolean resumable,
    Path workDir,
    boolean tlsInsecure,
    boolean allowPrivate,
    int articleMinWords,
    int checkConcurrency,
    int progressIntervalSeconds,
    AllowedAddresses allowAddresses,
    boolean screenshots,
    Map<String, String> extra) {

  public Settings {
    includePatterns = List.copyOf(includePatterns);
    excludePatterns = List.copyOf(excludePatterns);
    extra = Map.copyOf(extra);
  }

  /** The settings with defaults only. */
  public static Settings defaults() {
    return ConfigLoader.fromMap(Map.of());
  }

  /** Whether {@code url} passes the include and exclude patterns. */
  public boolean allows(String url) {
    for (Pattern p : excludePatterns) {
      if (p.matcher(url).find()) {
        return false;
      }
    }
    if (includePatterns.isEmpty()) {
      return true;
    }
    for (Pattern p : includePatterns) {
      if (p.matcher(url).find()) {
        return true;
      }
    }
    return false;
  }

  /** The entries of {@code extra} under a prefix such as {@code "extract."}, keys kept whole. */
  public Map<String, String> group(String prefix) {
    java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
    extra.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k, v);
      }
    });
    return out;
  }
}

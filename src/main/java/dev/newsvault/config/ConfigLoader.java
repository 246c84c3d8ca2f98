package dev.newsvault.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code crawl-config.properties}, applies {@code --set key=value} overrides, and validates every key:
 * an unknown key or a bad value is a {@link ConfigException} that names the key and what it accepts.
 */
public final class ConfigLoader {

  /** Prefixes of key groups validated by the package that uses them. */
  public static final List<String> GROUPS =
      List.of("extract.", "schedule.", "discovery.", "notify.", "serve.", "render.", "site.");

  /** Known keys and their defaults, in the order the properties file documents them. */
  public static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("user.agent", "newsvault/0.1 (news archiver; +https://github.com/newsvault)");
    KEYS.put("robots.agent", "newsvault");
    KEYS.put("seeds", "seeds");
    KEYS.put("max.depth", "2");
    KEYS.put("max.pages", "500");
    KEYS.put("threads", "4");
    KEYS.put("politeness.delay.ms", "1000");
    KEYS.put("scope", "host");
    KEYS.put("include.patterns", "");
    KEYS.put("exclude.patterns",
        "(?i)\\.(css|js|json|png|jpe?g|gif|webp|svg|ico|bmp|tiff?|pdf|zip|gz|tgz|rar|7z|mp3|mp4|m4a|avi|mov|wmv|"
            + "woff2?|ttf|eot|exe|dmg|apk|doc|docx|xls|xlsx|ppt|pptx)([?#].*)?$");
    KEYS.put("max.page.bytes", "5242880");
    KEYS.put("connect.timeout.ms", "10000");
    KEYS.put("read.timeout.ms", "30000");
    KEYS.put("max.redirects", "5");
    KEYS.put("database", "newsvault.db");
    KEYS.put("resumable", "true");
    KEYS.put("work.dir", ".newsvault");
    KEYS.put("tls.insecure", "false");
    KEYS.put("fetch.allow.private", "false");
    KEYS.put("article.min.words", "40");
    KEYS.put("check.concurrency", "8");
    KEYS.put("progress.interval.s", "10");
    KEYS.put("fetch.allow.addresses", "");
    KEYS.put("screenshots", "false");
  }

  private ConfigLoader() {}

  /**
   * Loads {@code file} (a missing file is fine only when {@code required} is false) and applies overrides.
   */
  public static Settings load(Path file, boolean required, Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    if (file != null) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        Properties p = new Properties();
        p.load(r);
        for (String k : p.stringPropertyNames()) {
          values.put(k.strip(), p.getProperty(k).strip());
        }
      } catch (NoSuchFileException e) {
        if (required) {
          throw new ConfigException("config file " + file + " does not exist; pass an existing file with --config");
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
      }
    }
    values.putAll(overrides);
    return fromMap(values);
  }

  /** Parses {@code key=value} from a command line {@code --set}. */
  public static Map.Entry<String, String> parseOverride(String s) {
    int eq = s.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set takes key=value, got '" + s + "'");
    }
    return Map.entry(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
  }

  static Settings fromMap(Map<String, String> given) {
    Map<String, String> v = new HashMap<>(KEYS);
    Map<String, String> extra = new HashMap<>();
    for (var e : given.entrySet()) {
      String k = e.getKey();
      if (KEYS.containsKey(k)) {
        v.put(k, e.getValue());
      } else if (GROUPS.stream().anyMatch(k::startsWith)) {
        extra.put(k, e.getValue());
      } else {
        throw new ConfigException("unknown config key '" + k + "'" + suggestion(k) + "; known keys: "
            + String.join(", ", KEYS.keySet()) + ", and keys starting with " + String.join(" or ", GROUPS));
      }
    }
    return new Settings(
        nonEmpty(v, "user.agent"),
        nonEmpty(v, "robots.agent"),
        Path.of(nonEmpty(v, "seeds")),
        integer(v, "max.depth", 0, 1000),
        integer(v, "max.pages", 0, Integer.MAX_VALUE),
        integer(v, "threads", 1, 256),
        integer(v, "politeness.delay.ms", 0, 3_600_000),
        scope(v),
        patterns(v, "include.patterns"),
        patterns(v, "exclude.patterns"),
        integer(v, "max.page.bytes", 1024, Integer.MAX_VALUE),
        integer(v, "connect.timeout.ms", 1, 600_000),
        integer(v, "read.timeout.ms", 1, 3_600_000),
        integer(v, "max.redirects", 0, 50),
        Path.of(nonEmpty(v, "database")),
        bool(v, "resumable"),
        Path.of(nonEmpty(v, "work.dir")),
        bool(v, "tls.insecure"),
        bool(v, "fetch.allow.private"),
        integer(v, "article.min.words", 0, 100_000),
        integer(v, "check.concurrency", 1, 256),
        integer(v, "progress.interval.s", 1, 3600),
        addresses(v, "fetch.allow.addresses"),
        bool(v, "screenshots"),
        extra);
  }

  private static String suggestion(String k) {
    return didYouMean(k, KEYS.keySet());
  }

  /** " (did you mean 'x'?)" for the closest of {@code known} within three edits of {@code word}, else "". */
  public static String didYouMean(String word, java.util.Collection<String> known) {
    String best = null;
    int bestD = 4;
    for (String candidate : known) {
      int d = distance(word.toLowerCase(Locale.ROOT), candidate);
      if (d < bestD) {
        bestD = d;
        best = candidate;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String nonEmpty(Map<String, String> v, String k) {
    String s = v.get(k);
    if (s == null || s.isBlank()) {
      throw new ConfigException("config key '" + k + "' must not be empty (default: " + KEYS.get(k) + ")");
    }
    return s;
  }

  private static int integer(Map<String, String> v, String k, int min, int max) {
    String s = v.get(k);
    try {
      long n = Long.parseLong(s.replace("_", ""));
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return (int) n;
    } catch (NumberFormatException e) {
      throw new ConfigException("config key '" + k + "' has value '" + s + "'; it accepts a whole number from "
          + min + " to " + max + " (default: " + KEYS.get(k) + ")");
    }
  }

  private static boolean bool(Map<String, String> v, String k) {
    String s = v.get(k).toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ConfigException("config key '" + k + "' has value '" + v.get(k)
          + "'; it accepts true or false (default: " + KEYS.get(k) + ")");
    };
  }

  private static AllowedAddresses addresses(Map<String, String> v, String k) {
    try {
      return AllowedAddresses.parse(v.get(k));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config key '" + k + "': " + e.getMessage()
          + "; it accepts comma-separated IP addresses and CIDR ranges (default: none)");
    }
  }

  private static Scope scope(Map<String, String> v) {
    String s = v.get("scope");
    try {
      return Scope.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("config key 'scope' has value '" + s + "'; it accepts host, domain or any"
          + " (default: host)");
    }
  }

  private static List<Pattern> patterns(Map<String, String> v, String k) {
    List<Pattern> out = new ArrayList<>();
    String s = v.get(k);
    if (s == null || s.isBlank()) {
      return out;
    }
    for (String part : splitUnescaped(s)) {
      if (part.isBlank()) {
        continue;
      }
      try {
        out.add(Pattern.compile(part.strip()));
      } catch (PatternSyntaxException e) {
        throw new ConfigException("config key '" + k + "' has an invalid regular expression '" + part.strip()
            + "': " + e.getDescription() + "; it accepts comma-separated Java regular expressions");
      }
    }
    return out;
  }

  /** Splits on commas that are not inside (...), [...] or {...}, so patterns may contain them. */
  private static List<String> splitUnescaped(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      }
      if (c == ',' && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}

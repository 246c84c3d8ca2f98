package dev.newsvault.schedule;

import dev.newsvault.config.ConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads intervals such as {@code 30m}, {@code 1h}, {@code 1h30m}, {@code 7d}, {@code 90s}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)\\s*([smhd])");

  private Durations() {}

  /** Parses {@code value} of config key {@code key}; a bad or non-positive value names the key. */
  public static Duration parse(String key, String value) {
    String s = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(s);
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
      end = m.end();
      while (end < s.length() && s.charAt(end) == ' ') {
        end++;
      }
    }
    if (s.isEmpty() || end != s.length() || d.isZero()) {
      throw new ConfigException("config key '" + key + "' has value '" + value + "'; it accepts an interval"
          + " such as 90s, 30m, 1h, 1h30m or 7d (greater than zero)");
    }
    return d;
  }

  /** {@code 1h30m}-style text for output. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (s <= 0) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    long days = s / 86400;
    long hours = s % 86400 / 3600;
    long mins = s % 3600 / 60;
    long secs = s % 60;
    if (days > 0) {
      b.append(days).append('d');
    }
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (mins > 0) {
      b.append(mins).append('m');
    }
    if (secs > 0) {
      b.append(secs).append('s');
    }
    return b.toString();
  }
}

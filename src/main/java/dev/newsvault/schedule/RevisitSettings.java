package dev.newsvault.schedule;

import dev.newsvault.config.ConfigException;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code schedule.revisit.*} settings; defaults are documented in {@code crawl-config.properties}.
 *
 * @param enabled whether the scheduler re-checks articles at all
 * @param min the first re-check comes this long after an article is first seen, and a change resets to it
 * @param max the interval never grows beyond this
 * @param factor each unchanged re-check multiplies the interval by this
 * @param maxAge no re-checks once the article is this old (from publication, or first seen if earlier)
 * @param every how often the scheduler looks for due re-checks
 * @param batch at most this many re-checks per round (the most overdue first)
 */
public record RevisitSettings(boolean enabled, Duration min, Duration max, double factor, Duration maxAge,
    Duration every, int batch) {

  public static final RevisitSettings DEFAULTS = new RevisitSettings(true, Duration.ofHours(1),
      Duration.ofHours(24), 2.0, Duration.ofDays(7), Duration.ofMinutes(15), 500);

  public RevisitSettings {
    if (max.compareTo(min) < 0) {
      throw new ConfigException("config key 'schedule.revisit.max' (" + Durations.format(max)
          + ") must not be shorter than schedule.revisit.min (" + Durations.format(min) + ")");
    }
  }

  /** Reads the {@code schedule.revisit.*} keys of {@code group}, defaults for the rest. */
  static RevisitSettings from(Map<String, String> group) {
    RevisitSettings d = DEFAULTS;
    String enabled = group.getOrDefault("schedule.revisit.enabled", String.valueOf(d.enabled));
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new ConfigException("config key 'schedule.revisit.enabled' has value '" + enabled
          + "'; it accepts true or false (default: true)");
    }
    return new RevisitSettings(Boolean.parseBoolean(enabled),
        duration(group, "schedule.revisit.min", d.min),
        duration(group, "schedule.revisit.max", d.max),
        factor(group.get("schedule.revisit.factor"), d.factor),
        duration(group, "schedule.revisit.max-age", d.maxAge),
        duration(group, "schedule.revisit.every", d.every),
        batch(group.get("schedule.revisit.batch"), d.batch));
  }

  private static Duration duration(Map<String, String> g, String key, Duration def) {
    String v = g.get(key);
    return v == null ? def : Durations.parse(key, v);
  }

  private static double factor(String v, double def) {
    if (v == null) {
      return def;
    }
    try {
      double f = Double.parseDouble(v.strip());
      if (f >= 1.0 && f <= 100) {
        return f;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ConfigException("config key 'schedule.revisit.factor' has value '" + v
        + "'; it accepts a number from 1 to 100, e.g. 2 or 1.5 (default: 2)");
  }

  private static int batch(String v, int def) {
    if (v == null) {
      return def;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ConfigException("config key 'schedule.revisit.batch' has value '" + v
        + "'; it accepts a whole number of 1 or more (default: 500)");
  }
}

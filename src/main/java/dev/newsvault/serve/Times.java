package dev.newsvault.serve;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Archive times as the web pages show them: to the second, in UTC, with how long ago ("3 hours ago"), which is
 * what a reader asks first. The machine-readable time stays in the {@code datetime} attribute.
 */
public final class Times {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2026-12-06 14:56:39 UTC}; a string that is not an instant as it is, null as a dash. */
  public static String shown(String iso) {
    Instant t = parse(iso);
    return t != null ? SHOWN.format(t) : iso == null ? "–" : iso;
  }

  /** The instant to the second for a {@code datetime} attribute, or the string as it is. */
  public static String machine(String iso) {
    Instant t = parse(iso);
    return t != null ? t.truncatedTo(ChronoUnit.SECONDS).toString() : iso;
  }

  /** How long before now: "just now", "1 minute ago", "3 hours ago", "2 days ago"; empty when not an instant. */
  public static String ago(String iso) {
    return ago(parse(iso), Instant.now());
  }

  static String ago(Instant t, Instant now) {
    if (t == null) {
      return "";
    }
    Duration d = Duration.between(t, now);
    if (d.isNegative()) {
      return "in the future";
    }
    long s = d.getSeconds();
    if (s < 60) {
      return "just now";
    }
    if (s < 3600) {
      return count(s / 60, "minute") + " ago";
    }
    if (s < 86_400) {
      return count(s / 3600, "hour") + " ago";
    }
    if (s < 86_400L * 60) {
      return count(s / 86_400, "day") + " ago";
    }
    if (s < 86_400L * 730) {
      return count(s / (86_400L * 30), "month") + " ago";
    }
    return count(s / (86_400L * 365), "year") + " ago";
  }

  private static String count(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  private static Instant parse(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

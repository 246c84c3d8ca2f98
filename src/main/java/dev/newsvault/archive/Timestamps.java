package dev.newsvault.archive;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How archive times leave newsvault: ISO-8601 UTC without the nanoseconds the JVM clock records. Every
 * command and export format goes through here, so {@code show}, {@code diff}, {@code stats}, {@code status},
 * JSONL and CSV say {@code 2026-11-20T08:20:11Z} and WARC records (where two captures a moment apart must
 * keep their order) say {@code 2026-11-20T08:20:11.123Z}.
 */
public final class Timestamps {

  private Timestamps() {}

  /**
   * An instant as the archive stores it: ISO-8601 UTC to the millisecond at most. The JVM clock's micro- and
   * nanoseconds mean nothing for a fetch and made every time 30 characters long in the archive and in /api.
   */
  public static String stored(Instant t) {
    if (t == null) {
      return null;
    }
    // Written as Instant.toString writes it truncated, with the formatter run once a second, not once a row: a
    // crawl stamps every fetch and every link it finds.
    long second = t.getEpochSecond();
    Second s = lastSecond;
    if (s.epochSecond() != second) {
      String whole = Instant.ofEpochSecond(second).toString();
      s = new Second(second, whole.substring(0, whole.length() - 1));
      lastSecond = s;
    }
    int millis = t.getNano() / 1_000_000;
    if (millis == 0) {
      return s.prefix() + 'Z';
    }
    char[] fraction = {'.', (char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10),
        'Z'};
    return s.prefix().concat(new String(fraction));
  }

  /** A whole second, and its ISO-8601 form without the closing {@code Z}. */
  private record Second(long epochSecond, String prefix) {}

  private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

  /** An ISO instant as the archive stores it (see {@link #stored(Instant)}); null and non-instants as is. */
  public static String stored(String iso) {
    return millis(iso);
  }

  /** An archive time to whole seconds; null stays null, a string that is not an instant is returned as is. */
  public static String seconds(String iso) {
    return truncate(iso, ChronoUnit.SECONDS);
  }

  /** An archive time to milliseconds (fewer digits when they are zero); null and non-instants as is. */
  public static String millis(String iso) {
    return truncate(iso, ChronoUnit.MILLIS);
  }

  /** An instant to whole seconds. */
  public static String seconds(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** An archive time as an instant to milliseconds, or null when it is missing or unreadable. */
  public static Instant instantMillis(String iso) {
    try {
      return iso == null ? null : Instant.parse(iso).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String truncate(String iso, ChronoUnit unit) {
    if (iso == null) {
      return null;
    }
    try {
      return Instant.parse(iso).truncatedTo(unit).toString();
    } catch (DateTimeParseException e) {
      return iso;
    }
  }
}

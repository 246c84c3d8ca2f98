package dev.newsvault.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How archive times leave newsvault: ISO-8601 UTC without the nanoseconds the JVM clock records. Every
 * command and export format goes through here, so {@code show}, {@code diff}, {@code stats}, {@code status},
 * JSONL and CSV say {@code 2026-11-20T08:20:11Z} and WARC records (where two captures a moment apart must
 * keep their order) say {@code 2026-11-20T08:20:11.123Z}.
 */
public final class Timestamps {

  /** 10000-01-01T00:00:00Z in seconds: from there on ISO-8601 writes years with a sign. */
  private static final long YEAR_10000 = 253_402_300_800L;

  private Timestamps() {}

  /**
   * An instant as the archive stores it: ISO-8601 UTC to the millisecond at most. The JVM clock's micro- and
   * nanoseconds mean nothing for a fetch and made every time 30 characters long in the archive and in /api.
   */
  public static String stored(Instant t) {
    if (t == null) {
      return null;
    }
    long seconds = t.getEpochSecond();
    if (seconds < 0 || seconds >= YEAR_10000) {
      return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
    // What Instant.toString writes for the years 1970 to 9999, without its formatter (each archived page is stamped
    // several times): the date, the time, then the milliseconds unless they are zero.
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
    int second = (int) Math.floorMod(seconds, 86_400);
    int millis = t.getNano() / 1_000_000;
    char[] out = new char[millis == 0 ? 20 : 24];
    digits(out, 0, day.getYear(), 4);
    out[4] = '-';
    digits(out, 5, day.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, day.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, second / 3600, 2);
    out[13] = ':';
    digits(out, 14, second / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, second % 60, 2);
    if (millis != 0) {
      out[19] = '.';
      digits(out, 20, millis, 3);
    }
    out[out.length - 1] = 'Z';
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

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

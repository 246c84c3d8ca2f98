package dev.newsvault.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads {@code --since} and {@code --until}: an ISO date, or a date-time with or without an offset (UTC). */
public final class ExportDates {

  private ExportDates() {}

  /** The first instant of {@code --since}: a date means its start (UTC). */
  public static Instant since(String value) {
    return value == null ? null : parse("--since", value, false);
  }

  /** The first instant after {@code --until}: a date includes the whole day, a date-time is inclusive. */
  public static Instant untilExclusive(String value) {
    return value == null ? null : parse("--until", value, true);
  }

  private static Instant parse(String option, String value, boolean end) {
    String v = value.strip();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (end ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      Instant t;
      try {
        t = OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        t = LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      }
      return end ? t.plusMillis(1) : t;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " '" + value + "' is not a date; use an ISO date (2026-01-31)"
          + " or date-time (2026-01-31T18:00:00Z, 2026-01-31T18:00:00+02:00)");
    }
  }
}

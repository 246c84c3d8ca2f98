package dev.newsvault.extract;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the date strings pages use into ISO-8601: an ISO value is kept as found (date, local
 * date-time or date-time with offset); RFC 1123 and common written forms are converted; anything
 * else is null rather than a guess.
 */
final class Dates {

  private static final Pattern ISO_PREFIX =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})([T ](\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern URL_DATE =
      Pattern.compile("/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|[^\\d]|$)");
  private static final Pattern COMPACT =
      Pattern.compile("^((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:T(\\d{2}):?(\\d{2}):?(\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?)?$");
  /** A date in a URL written without separators, as its own path part: /news/20200316/, /20220124-title. */
  private static final Pattern URL_COMPACT =
      Pattern.compile("[/_-]((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
  /** Longer than this, a "date" string is prose: it is not searched for a date. */
  private static final int MAX_WRITTEN = 100;
  private static final Pattern ORDINAL = Pattern.compile("(\\d)(st|nd|rd|th)\\b");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /** A numeric date such as 05/10/2018 or 2018-10-05. */
  private static final Pattern NUMERIC_DATE =
      Pattern.compile("\\b(\\d{1,2}[/.-]\\d{1,2}[/.-](19|20)?\\d{2}|(19|20)\\d{2}[/.-]\\d{1,2}[/.-]\\d{1,2})\\b");

  /** A written date: a month name (several languages), a day number and a year, or a time. */
  private static final Pattern WRITTEN_DATE =
      Pattern.compile(
          "(?iu)(?=.*\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
              + "june|july|august|september|october|november|december|janeiro|fevereiro|março|abril|maio|"
              + "junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|"
              + "julio|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober|"
              + "dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
              + "décembre)\\b\\.?)(?=.*\\b(19|20)\\d{2}\\b)(?=.*(\\b([1-9]|[12]\\d|3[01])(st|nd|rd|th)?\\b|\\d:\\d\\d)).*");

  /** Ends in a clock time ("… 10:30 a.m."): the full stop belongs to the time, not to a sentence. */
  private static final Pattern CLOCK_END = Pattern.compile("(?s).*\\d\\s*[ap]\\.m\\.$");

  private static final List<DateTimeFormatter> WRITTEN =
      List.of(
          pattern("MMMM d, yyyy"),
          pattern("MMM d, yyyy"),
          pattern("MMM. d, yyyy"),
          pattern("d MMMM yyyy"),
          pattern("d MMM yyyy"),
          pattern("EEEE, MMMM d, yyyy"),
          pattern("EEE, MMM d, yyyy"));

  private Dates() {}

  private static DateTimeFormatter pattern(String p) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH);
  }

  /** The ISO-8601 form of a date string, or null when it is not recognisably a date. */
  static String normalize(String raw) {
    return normalize(raw, null);
  }

  /**
   * The ISO-8601 form of a date string, or null when it is not recognisably a date; written dates are
   * read in the page's language (month names, the order of an ambiguous numeric date).
   */
  static String normalize(String raw, String language) {
    if (raw == null) {
      return null;
    }
    String s = raw.trim();
    if (s.isEmpty()) {
      return null;
    }
    Matcher iso = ISO_PREFIX.matcher(s);
    if (iso.find()) {
      String date = iso.group(1);
      if (!validDate(date)) {
        return null;
      }
      if (iso.group(3) == null) {
        return date;
      }
      String time = iso.group(3).length() == 5 ? iso.group(3) + ":00" : iso.group(3);
      String zone = iso.group(6);
      if (zone == null) {
        return date + "T" + time;
      }
      if (!zone.equals("Z") && zone.length() == 5) {
        zone = zone.substring(0, 3) + ":" + zone.substring(3);
      }
      return date + "T" + time + zone;
    }
    Matcher compact = COMPACT.matcher(s);
    if (compact.matches()) {
      String date = compact.group(1) + "-" + compact.group(2) + "-" + compact.group(3);
      if (!validDate(date)) {
        return null;
      }
      if (compact.group(4) == null) {
        return date;
      }
      String time = compact.group(4) + ":" + compact.group(5) + ":" + (compact.group(6) == null ? "00" : compact.group(6));
      String zone = compact.group(7);
      if (zone != null && !zone.equals("Z") && zone.length() == 5) {
        zone = zone.substring(0, 3) + ":" + zone.substring(3);
      }
      return date + "T" + time + (zone == null ? "" : zone);
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime().toString();
    } catch (DateTimeParseException e) {
      // not RFC 1123; try written forms
    }
    String cleaned = WHITE_SPACE.matcher(ORDINAL.matcher(s).replaceAll("$1")).replaceAll(" ");
    for (DateTimeFormatter f : WRITTEN) {
      try {
        return LocalDate.parse(cleaned, f).toString();
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    if (s.length() > MAX_WRITTEN) {
      return null;
    }
    java.time.LocalDate written = DateText.find(s, language);
    return written == null ? null : written.toString();
  }

  /** A date written in the URL path such as {@code /2024/03/31/}, or null. */
  static String fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      Matcher c = URL_COMPACT.matcher(url);
      if (!c.find()) {
        return null;
      }
      String date = c.group(1) + "-" + c.group(2) + "-" + c.group(3);
      return validDate(date) ? date : null;
    }
    String date = String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    return validDate(date) ? date : null;
  }

  private static boolean validDate(String date) {
    try {
      LocalDate.parse(date);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A short line that states a date (a dateline or "updated" stamp), not a sentence of the story. */
  static boolean isDateLine(String text) {
    if (text.indexOf('@') >= 0) {
      return false; // the attribution line of an embedded post: "— Name (@handle) May 5, 2019"
    }
    if (text.endsWith(".") && !CLOCK_END.matcher(text).matches()) {
      return false;
    }
    // Both patterns need a year's four digits; most lines have none, and the patterns are slow to say so.
    return asciiDigits(text) >= 4
        && (NUMERIC_DATE.matcher(text).find() || WRITTEN_DATE.matcher(text).matches());
  }

  private static int asciiDigits(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }
}

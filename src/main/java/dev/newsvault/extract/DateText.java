package dev.newsvault.extract;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first calendar date written in a short piece of text, in any language: numbers in the
 * orders Y-M-D, D.M.Y, D/M/Y or M/D/Y and Y年M月D日, and month names ("27 juin 2019", "March 16, 2020",
 * "12 марта 2020", "2020. június 4.") looked up in {@link MonthNames}. A slash or dash date whose day
 * and month could be swapped (03/04/2019) is read in the page language's order and refused when the
 * page states no language; a weekday name before the date that contradicts it rejects the reading.
 */
final class DateText {

  private static final String YEAR = "((?:19|20)\\d{2})";
  private static final String WORD = "(\\p{L}[\\p{L}\\p{M}]*\\.?)";

  /** 27 juin 2019, 16. Dezember 2012, 5 de junho de 2019, 12 марта 2020, 3rd of May 2020. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th|er|º|ª)?\\.?\\s*(?:de\\s+|of\\s+)?" + WORD
          + "\\s*,?\\s*(?:de\\s+|del\\s+)?" + YEAR + "(?!\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** March 16, 2020; Dezember 16th, 2012. */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?<![\\p{L}])" + WORD + "\\s*(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s*,?\\s+" + YEAR + "(?!\\d)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** 2020. június 4. */
  private static final Pattern YEAR_MONTH_DAY =
      Pattern.compile("(?<!\\d)" + YEAR + "\\.?\\s+" + WORD + "\\s*(\\d{1,2})(?!\\d)");
  /** 2020年3月12日, 2020년 3월 12일. */
  private static final Pattern CJK =
      Pattern.compile("(?<!\\d)" + YEAR + "\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})(?!\\d)");
  /** 2019-06-27, 2019/6/27, 2020. 06. 04. */
  private static final Pattern ISO_LIKE =
      Pattern.compile("(?<!\\d)" + YEAR + "\\s?([-/.])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{1,2})(?!\\d)");
  /** 27.06.2019, 27/06/2019, 06-27-2019, 24.01.22. */
  private static final Pattern NUMERIC =
      Pattern.compile("(?<![\\d.])(\\d{1,2})\\s?([-/.])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})(?![\\d])");
  private static final Pattern WEEKDAY_BEFORE = Pattern.compile("(\\p{L}[\\p{L}\\p{M}]*)\\.?,?\\s*$");

  /** Per language: 1 day first, 0 month first, -1 unknown (CLDR is asked once per language). */
  private static final Map<String, Integer> DAY_FIRST = new ConcurrentHashMap<>();

  private DateText() {}

  /** A written form: its pattern and which groups hold the year, the month (a name or a number) and the day. */
  private record Form(Pattern pattern, int year, int month, int day, boolean monthName) {}

  private static final List<Form> FORMS =
      List.of(
          new Form(DAY_MONTH_YEAR, 3, 2, 1, true),
          new Form(MONTH_DAY_YEAR, 3, 1, 2, true),
          new Form(YEAR_MONTH_DAY, 1, 2, 3, true),
          new Form(CJK, 1, 2, 3, false),
          new Form(ISO_LIKE, 1, 3, 4, false));

  /** The first date in the text, or null. */
  static LocalDate find(String raw, String language) {
    if (raw == null || raw.length() < 6) {
      return null;
    }
    String text = asciiDigits(raw);
    if (!hasDigits(text, 4)) {
      return null; // every form has a year of four digits, or two numbers and a year of two
    }
    LocalDate best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Form form : FORMS) {
      Matcher m = form.pattern().matcher(text);
      while (m.find() && m.start() < bestAt) {
        int month = form.monthName() ? MonthNames.month(m.group(form.month()), language)
            : Integer.parseInt(m.group(form.month()));
        LocalDate d = of(m.group(form.year()), month, m.group(form.day()));
        if (d != null && weekdayAgrees(text, m.start(), d, language)) {
          best = d;
          bestAt = m.start();
          break;
        }
      }
    }
    Matcher m = NUMERIC.matcher(text);
    while (m.find() && m.start() < bestAt) {
      LocalDate d = numeric(m.group(1), m.group(2), m.group(3), m.group(4), language);
      if (d != null) {
        best = d;
        break;
      }
    }
    return best;
  }

  /** A D.M.Y, D/M/Y or M/D/Y date: dots are day-first everywhere; slashes and dashes ask the language. */
  private static LocalDate numeric(String a, String sep, String b, String y, String language) {
    String year = y;
    if (y.length() == 2) {
      if (!sep.equals(".")) {
        return null; // 06/27/19 is too much like a fraction or a score to read without the century
      }
      int yy = Integer.parseInt(y);
      year = String.valueOf(yy <= Year.now().getValue() % 100 ? 2000 + yy : 1900 + yy);
    }
    int first = Integer.parseInt(a);
    int second = Integer.parseInt(b);
    if (sep.equals(".")) {
      return of(year, second, a);
    }
    if (first > 12 && second <= 12) {
      return of(year, second, a);
    }
    if (second > 12 && first <= 12) {
      return of(year, first, b);
    }
    if (first == second) {
      return of(year, first, b);
    }
    Boolean dayFirst = dayFirst(language);
    if (dayFirst == null) {
      return null; // 03/04/2019 in a page that states no language: refused, not guessed
    }
    return dayFirst ? of(year, second, a) : of(year, first, b);
  }

  private static Boolean dayFirst(String language) {
    if (language == null) {
      return null;
    }
    int order = DAY_FIRST.computeIfAbsent(language, l -> {
      Boolean d = MonthNames.dayFirst(l);
      return d == null ? -1 : d ? 1 : 0;
    });
    return order < 0 ? null : order == 1;
  }

  /** "Samstag, 19. Juli 2014" is checked against the calendar: a contradiction means a misreading. */
  private static boolean weekdayAgrees(String text, int start, LocalDate d, String language) {
    Matcher w = WEEKDAY_BEFORE.matcher(text.substring(Math.max(0, start - 20), start));
    if (!w.find()) {
      return true;
    }
    int day = MonthNames.weekday(w.group(1), language);
    return day == 0 || day == d.getDayOfWeek().getValue();
  }

  static LocalDate of(String year, int month, String day) {
    if (month < 1 || month > 12) {
      return null;
    }
    int y = Integer.parseInt(year);
    int d = Integer.parseInt(day);
    if (d < 1 || d > 31) {
      return null;
    }
    try {
      return LocalDate.of(y, month, d);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Whether the text holds at least {@code n} ASCII digits: what the patterns' {@code \d} matches. */
  private static boolean hasDigits(String text, int n) {
    int found = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++found >= n) {
        return true;
      }
    }
    return false;
  }

  /** Arabic-Indic, Persian, Devanagari... digits as ASCII, so one set of patterns reads them all. */
  static String asciiDigits(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 127 && Character.isDigit(c)) {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
      }
    }
    return sb == null ? s : sb.toString();
  }
}

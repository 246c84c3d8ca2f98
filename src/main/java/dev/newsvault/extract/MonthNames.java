package dev.newsvault.extract;

import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Month and weekday names and the day/month order of numeric dates, per language, taken from the
 * JDK's CLDR locale data rather than from word lists: every form CLDR has (full and abbreviated, the
 * genitive "марта" and the nominative "март") maps to its month. A name two languages give different
 * months ("listopad" is November in Polish and October in Croatian) is only trusted in its own language.
 */
final class MonthNames {

  /** The languages of the web's most used 30 and then some; a page in another one still gets its
   * numbers and any name that no two of these disagree on. */
  static final List<String> LANGUAGES =
      List.of(
          "en", "de", "fr", "es", "pt", "it", "nl", "ru", "uk", "pl", "cs", "sk", "hu", "ro", "bg", "hr",
          "sr", "sl", "el", "tr", "sv", "da", "no", "nb", "fi", "et", "lv", "lt", "ar", "fa", "he", "hi",
          "bn", "id", "ms", "vi", "th", "ja", "zh", "ko", "ca", "eu", "gl", "sq", "mk", "be", "kk", "ur",
          "ta", "af", "sw", "tl", "is", "ga", "cy");

  private static final TextStyle[] STYLES = {
      TextStyle.FULL, TextStyle.FULL_STANDALONE, TextStyle.SHORT, TextStyle.SHORT_STANDALONE};

  private static final Map<String, Map<String, Integer>> MONTHS_BY_LANGUAGE = new HashMap<>();
  private static final Map<String, Map<String, Integer>> WEEKDAYS_BY_LANGUAGE = new HashMap<>();
  /** Names all languages that have them agree on. */
  private static final Map<String, Integer> MONTHS_ANY = new HashMap<>();
  private static final Map<String, Integer> WEEKDAYS_ANY = new HashMap<>();

  static {
    Map<String, Integer> months = new HashMap<>();
    Map<String, Integer> weekdays = new HashMap<>();
    for (String language : LANGUAGES) {
      Locale locale = Locale.forLanguageTag(language);
      Map<String, Integer> own = new HashMap<>();
      for (Month m : Month.values()) {
        for (TextStyle style : STYLES) {
          put(own, m.getDisplayName(style, locale), m.getValue());
        }
      }
      DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
      String[] full = symbols.getMonths();
      String[] shortNames = symbols.getShortMonths();
      for (int i = 0; i < 12; i++) {
        put(own, full[i], i + 1);
        put(own, shortNames[i], i + 1);
      }
      MONTHS_BY_LANGUAGE.put(language, own);
      merge(months, own);
      Map<String, Integer> days = new HashMap<>();
      for (DayOfWeek d : DayOfWeek.values()) {
        for (TextStyle style : STYLES) {
          put(days, d.getDisplayName(style, locale), d.getValue());
        }
      }
      WEEKDAYS_BY_LANGUAGE.put(language, days);
      merge(weekdays, days);
    }
    months.forEach((k, v) -> {
      if (v > 0) {
        MONTHS_ANY.put(k, v);
      }
    });
    weekdays.forEach((k, v) -> {
      if (v > 0) {
        WEEKDAYS_ANY.put(k, v);
      }
    });
  }

  private MonthNames() {}

  /** Lower case, without the abbreviation dots CLDR and pages write ("févr.", "มี.ค."). */
  static String key(String name) {
    return name.replace(".", "").replace("\u00a0", " ").trim().toLowerCase(Locale.ROOT);
  }

  private static void put(Map<String, Integer> map, String name, int value) {
    if (name == null) {
      return;
    }
    String k = key(name);
    // Names with digits ("3月", "thg 3") are numbers in disguise; one letter says nothing.
    if (k.length() < 2 || k.chars().anyMatch(Character::isDigit)) {
      return;
    }
    map.putIfAbsent(k, value);
  }

  /** Keeps a name when every language that has it gives the same value, marks it -1 otherwise. */
  private static void merge(Map<String, Integer> all, Map<String, Integer> own) {
    own.forEach((k, v) -> all.merge(k, v, (a, b) -> a.equals(b) ? a : -1));
  }

  /** The month (1-12) a word names in the page's language, else in any language without dispute; 0 if none. */
  static int month(String word, String language) {
    return lookup(MONTHS_BY_LANGUAGE, MONTHS_ANY, word, language);
  }

  /** The day of the week (1 = Monday) a word names, or 0. */
  static int weekday(String word, String language) {
    return lookup(WEEKDAYS_BY_LANGUAGE, WEEKDAYS_ANY, word, language);
  }

  private static int lookup(Map<String, Map<String, Integer>> byLanguage, Map<String, Integer> any, String word,
      String language) {
    String k = key(word);
    Map<String, Integer> own = language == null ? null : byLanguage.get(primary(language));
    Integer v = own == null ? null : own.get(k);
    if (v == null) {
      v = any.get(k);
    }
    return v == null ? 0 : v;
  }

  /**
   * Whether numeric dates of a language put the day first (27/06/2019) rather than the month
   * (06/27/2019), from its CLDR short date pattern; null when the page states no language, so an
   * ambiguous date is refused rather than guessed.
   */
  static Boolean dayFirst(String language) {
    if (language == null || language.isBlank()) {
      return null;
    }
    Locale locale = Locale.forLanguageTag(language.replace('_', '-'));
    if (locale.getLanguage().isEmpty()) {
      return null;
    }
    String p = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
        FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
    int d = p.indexOf('d');
    int m = p.indexOf('M');
    return d < 0 || m < 0 ? null : d < m;
  }

  static String primary(String language) {
    String l = language.toLowerCase(Locale.ROOT);
    int cut = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
    return cut > 0 ? l.substring(0, cut) : l;
  }
}

package dev.newsvault.config;

import java.util.Locale;

/** Counts in messages: "1 word", "2 words", with thousands separators ("1,204 URLs"). */
public final class Plural {

  private Plural() {}

  /** {@code n} and the noun, singular for exactly one. */
  public static String of(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }

  /** The same with an -s plural: {@code of(3, "word")} is "3 words". */
  public static String of(long n, String one) {
    return of(n, one, one + "s");
  }

  /** A rate rounded to a whole number, with its unit: "1 URL/s", "35 URLs/s". */
  public static String rate(double perSecond, String one, String many) {
    long n = Math.round(perSecond);
    return String.format(Locale.ROOT, "%,d %s/s", n, n == 1 ? one : many);
  }
}

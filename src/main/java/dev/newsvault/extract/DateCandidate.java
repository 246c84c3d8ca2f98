package dev.newsvault.extract;

import java.time.LocalDate;

/**
 * One date a page states, with where it was read: {@code value} is the ISO-8601 form as the page gives
 * it (a date, or a date-time with the page's own offset, never converted), {@code day} its calendar day.
 */
record DateCandidate(String value, DateSource source) {

  LocalDate day() {
    return LocalDate.parse(value.substring(0, 10));
  }

  /** A UTC instant ("…Z", "+00:00"): its day may be the day after (or before) the page's own. */
  boolean utc() {
    return value.length() > 10 && (value.endsWith("Z") || value.endsWith("+00:00"));
  }

  /** A date-time with a non-UTC offset: the page's own day at that instant. */
  boolean localOffset() {
    return value.length() > 19 && !utc() && (value.lastIndexOf('+') > 10 || value.lastIndexOf('-') > 10);
  }
}

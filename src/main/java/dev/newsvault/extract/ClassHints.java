package dev.newsvault.extract;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a class or id value holds any of a set of fragments, in any case ({@code Locale.ROOT}'s lower case holds the
 * fragment). It is asked of every element of every page, and a site writes the same few values on all of its pages:
 * each distinct value is read once and its answer remembered, up to {@value #MAX_REMEMBERED} values, which are then
 * forgotten all at once. The answer depends on the value alone, so what is remembered never changes one.
 */
public final class ClassHints {

  static final int MAX_REMEMBERED = 10_000;

  private final String[] fragments;
  private final ConcurrentHashMap<String, Boolean> remembered = new ConcurrentHashMap<>();

  /** The fragments, in lower case. */
  public ClassHints(String... fragments) {
    this.fragments = fragments.clone();
  }

  /** Whether {@code value}, lower-cased, contains one of the fragments. */
  public boolean in(String value) {
    if (value.isEmpty()) {
      return false;
    }
    Boolean known = remembered.get(value);
    if (known == null) {
      known = holds(value.toLowerCase(Locale.ROOT));
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
      remembered.put(value, known);
    }
    return known;
  }

  private boolean holds(String lowerCase) {
    for (String f : fragments) {
      if (lowerCase.contains(f)) {
        return true;
      }
    }
    return false;
  }
}

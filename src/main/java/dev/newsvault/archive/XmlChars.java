package dev.newsvault.archive;

/**
 * Archived text made fit for XML 1.0 and for the people reading it: the C0 controls but tab, line feed and
 * carriage return, DEL and the C1 controls (U+0080 to U+009F), lone surrogates and U+FFFE/U+FFFF are dropped.
 * XML 1.0 cannot carry most of them at all (one ESC in a title made a whole Atom feed unparseable), and the
 * rest (DEL, C1) only steer terminals. Every feed, web page and notification passes archived text through
 * {@link #clean}.
 */
public final class XmlChars {

  private XmlChars() {}

  /** {@code s} without the characters XML 1.0 cannot carry and the C1 controls; null stays null. */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && allowed(s, i)) {
      i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
    }
    if (i >= n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n);
    out.append(s, 0, i);
    while (i < n) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        out.append(c).append(s.charAt(i + 1));
        i += 2;
        continue;
      }
      if (allowedChar(c)) {
        out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  private static boolean allowed(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return allowedChar(c);
  }

  private static boolean allowedChar(char c) {
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    if (c >= 0x7F && c <= 0x9F) {
      return false;
    }
    return !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
  }
}

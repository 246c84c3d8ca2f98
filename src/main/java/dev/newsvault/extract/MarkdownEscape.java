package dev.newsvault.extract;

/**
 * Backslash escapes that make text read as itself in CommonMark: every character that could open inline
 * markup, and the characters that would make the start of a line a heading, list item, quote or rule. Only
 * what could be markup is escaped, so ordinary prose reads as it is.
 */
final class MarkdownEscape {

  private MarkdownEscape() {}

  /** A word or run of text escaped; {@code lineStart} when it begins a line of Markdown. */
  static String inline(String s, boolean lineStart) {
    return lineStart ? lineStart(inline(s)) : inline(s);
  }

  /**
   * Escaped Markdown that begins a line, with the character escaped that would make the line a heading, quote,
   * list item or rule. Applied to the whole line: its first word may have come from several text nodes.
   */
  static String lineStart(String md) {
    int at = lineStartEscape(md, 0, md.length());
    return at < 0 ? md : md.substring(0, at) + "\\" + md.substring(at);
  }

  private static String inline(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (escapes(s, i, n)) {
        StringBuilder out = new StringBuilder(n + 8);
        appendInline(out, s, 0, n);
        return out.toString();
      }
    }
    return s;
  }

  /**
   * Appends {@code s[start, end)} escaped, as {@link #inline(String, boolean)} writes it as a run of its own (not
   * at a line's start), without making a string of it first: the renderer writes every word of a page this way.
   */
  static void appendInline(StringBuilder out, String s, int start, int end) {
    int from = start;
    for (int i = start; i < end; i++) {
      if (escapes(s, i, end)) {
        out.append(s, from, i).append('\\');
        from = i;
      }
    }
    out.append(s, from, end);
  }

  /**
   * Reads {@code md} from {@code at} against {@code s[start, end)} written as one line of Markdown, as {@link
   * #lineStart}{@code (inline(s[start, end)))} writes it, without writing it: the index in {@code md} after that
   * line, or -1 where {@code md} differs from it. Without {@code inlineEscapes} the caller knows that no character
   * of the line needs an inline escape ({@link #mayNeedInlineEscape}), and the line is compared in bulk.
   */
  static int matchLine(String md, int at, String s, int start, int end, boolean inlineEscapes) {
    int lineEscape = lineStartEscape(s, start, end);
    int m = at;
    if (!inlineEscapes) {
      if (lineEscape >= 0) {
        int before = lineEscape - start;
        if (!md.regionMatches(m, s, start, before) || m + before >= md.length() || md.charAt(m + before) != '\\') {
          return -1;
        }
        m += before + 1;
        start = lineEscape;
      }
      return md.regionMatches(m, s, start, end - start) ? m + end - start : -1;
    }
    for (int i = start; i < end; i++) {
      if (i == lineEscape || escapes(s, i, end)) { // the two never fall on one character
        if (m >= md.length() || md.charAt(m) != '\\') {
          return -1;
        }
        m++;
      }
      if (m >= md.length() || md.charAt(m) != s.charAt(i)) {
        return -1;
      }
      m++;
    }
    return m;
  }

  /** Whether a paragraph of the text (the parts between blank lines) would start with an escape as a line. */
  static boolean anyParagraphStartEscape(String text) {
    for (int from = 0; ; ) {
      int at = text.indexOf("\n\n", from);
      if (lineStartEscape(text, from, at < 0 ? text.length() : at) >= 0) {
        return true;
      }
      if (at < 0) {
        return false;
      }
      from = at + 2;
    }
  }

  /**
   * The index in {@code s} of the character of the line {@code s[start, end)} that {@link #lineStart} sets a
   * backslash before, or -1: a leading {@code # > - + =}, or the {@code .} or {@code )} after one to nine leading
   * digits ("1. ", "12)"). No character it looks at is ever escaped inline, so it reads a line before its inline
   * escapes as well as after them.
   */
  private static int lineStartEscape(String s, int start, int end) {
    if (start == end) {
      return -1;
    }
    char c = s.charAt(start);
    if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
      return start;
    }
    int d = start;
    while (d < end && s.charAt(d) >= '0' && s.charAt(d) <= '9') {
      d++;
    }
    int digits = d - start;
    if (digits > 0 && digits <= 9 && d < end && (s.charAt(d) == '.' || s.charAt(d) == ')')
        && (d + 1 == end || s.charAt(d + 1) == ' ')) {
      return d;
    }
    return -1;
  }

  /**
   * Whether any character of {@code s} might need an inline escape: false when none of the characters {@link
   * #escapes} looks at is there, found with the JDK's bulk search instead of a test of every character.
   */
  static boolean mayNeedInlineEscape(String s) {
    for (int i = 0; i < INLINE_SPECIALS.length(); i++) {
      if (s.indexOf(INLINE_SPECIALS.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Every character {@link #escapes} may escape. */
  private static final String INLINE_SPECIALS = "\\`*_[]<~|&";

  /** Whether the character at {@code i} of the run ending at {@code end} needs a backslash. */
  private static boolean escapes(String s, int i, int end) {
    char c = s.charAt(i);
    return c == '&' ? isEntity(s, i, end) : mayEscape(c);
  }

  /**
   * Whether {@link #appendInline} may escape the character: every one of {@link #INLINE_SPECIALS}; all but
   * {@code &} always are, {@code &} where it would start an entity.
   */
  static boolean mayEscape(char c) {
    return c < 128 && ((c < 64 ? ESCAPED_LOW >>> c : ESCAPED_HIGH >>> (c - 64)) & 1) != 0; // a few bytes: inlined
  }

  /** {@link #INLINE_SPECIALS} as bits: characters 0 to 63, and 64 to 127. */
  private static final long ESCAPED_LOW = 1L << '&' | 1L << '*' | 1L << '<';
  private static final long ESCAPED_HIGH =
      1L << ('\\' - 64) | 1L << ('`' - 64) | 1L << ('_' - 64) | 1L << ('[' - 64) | 1L << (']' - 64) | 1L << ('~' - 64)
      | 1L << ('|' - 64);

  /**
   * {@code &name;} or {@code &#123;}: CommonMark would read an entity. An {@code &} that ends the run is escaped
   * too, as the next text node may finish the name.
   */
  private static boolean isEntity(String s, int amp, int end) {
    if (amp + 1 == end) {
      return true;
    }
    int i = amp + 1;
    while (i < end && i - amp <= 32 && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '#')) {
      i++;
    }
    return i > amp + 1 && (i == end || s.charAt(i) == ';');
  }

  /** A link or image destination: characters that would end or break it, percent-encoded. */
  static String destination(String url) {
    StringBuilder out = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      switch (c) {
        case ' ' -> out.append("%20");
        case '(' -> out.append("%28");
        case ')' -> out.append("%29");
        case '<' -> out.append("%3C");
        case '>' -> out.append("%3E");
        case '\\' -> out.append("%5C");
        default -> {
          if (c >= ' ' && c != 0x7f) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

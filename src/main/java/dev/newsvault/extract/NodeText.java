package dev.newsvault.extract;

/**
 * A text node's text as jsoup's {@code TextNode.text()} gives it (each run of white space, no-break space included,
 * made one space; zero-width spaces and soft hyphens dropped), appended where it is wanted and only as far as it is
 * wanted. jsoup builds the whole string code point by code point; the date finder wants the first line of a node.
 * Working on chars gives the same text: no surrogate is white space or dropped, so a pair is copied as it stands.
 */
final class NodeText {

  private NodeText() {}

  /**
   * Appends {@code text} as {@code TextNode.text()} gives it, stopping as soon as {@code out} is longer than
   * {@code limit}: what is appended is then a prefix of that text, and {@code out} is longer than {@code limit}
   * exactly when appending all of it would have made it so.
   */
  static void append(StringBuilder out, String text, int limit) {
    boolean lastWasSpace = false;
    int n = text.length();
    int i = 0;
    while (i < n && out.length() <= limit) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (!lastWasSpace) {
          out.append(' ');
          lastWasSpace = true;
        }
        i++;
      } else if (!isKept(c)) {
        i++;
      } else {
        // a run of kept characters, copied at once, as far as a character at a time would have gone
        int end = i + 1;
        while (end < n && isKept(text.charAt(end))) {
          end++;
        }
        int room = limit - out.length(); // characters the limit leaves, less the one that passes it
        if (end - i > room) {
          end = i + room + 1;
        }
        out.append(text, i, end);
        lastWasSpace = false;
        i = end;
      }
    }
  }

  /** Neither white space nor dropped. */
  private static boolean isKept(char c) {
    return !isSpace(c) && !isDropped(c);
  }

  /** White space as jsoup folds it in a text's text: ASCII white space and the no-break space. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0';
  }

  /** Left out of a text's text by jsoup: the zero-width space and the soft hyphen. */
  static boolean isDropped(char c) {
    return c == '\u200b' || c == '\u00ad';
  }
}

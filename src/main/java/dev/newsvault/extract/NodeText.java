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
    for (int i = 0, n = text.length(); i < n && out.length() <= limit; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
        if (!lastWasSpace) {
          out.append(' ');
          lastWasSpace = true;
        }
      } else if (c != '\u200b' && c != '\u00ad') {
        out.append(c);
        lastWasSpace = false;
      }
    }
  }
}

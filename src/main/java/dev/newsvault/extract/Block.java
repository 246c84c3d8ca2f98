package dev.newsvault.extract;

/**
 * One rendered paragraph of a candidate container: its text, how much of it is link text, and what
 * kind of block it came from (the filter treats a lone heading or a list of links differently from
 * running text). {@code list} numbers the enclosing {@code ul}/{@code ol} (0 when none), so items of
 * one list can be judged together.
 */
record Block(String text, int linkChars, Kind kind, int letters, int list) {

  enum Kind {
    PARAGRAPH,
    HEADING,
    LIST_ITEM,
    QUOTE,
    CELL
  }

  double linkDensity() {
    return letters == 0 ? 0 : Math.min(1.0, (double) linkChars / letters);
  }

  boolean endsSentence() {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(text.length() - 1);
    return c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201d' || c == ')' || c == ':';
  }

  int words() {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean w = Character.isLetterOrDigit(text.charAt(i));
      if (w && !inWord) {
        n++;
      }
      inWord = w;
    }
    return n;
  }
}

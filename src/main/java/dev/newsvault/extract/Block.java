package dev.newsvault.extract;

/**
 * One rendered paragraph of a candidate container: its text, how much of it is link text, and what
 * kind of block it came from (the filter treats a lone heading or a list of links differently from
 * running text). {@code list} numbers the enclosing {@code ul}/{@code ol} (0 when none), so items of
 * one list can be judged together. {@code markup} is how the block is written in Markdown.
 */
record Block(String text, int linkChars, Kind kind, int letters, int list, int words, Markup markup) {

  /** A block of the text, with its word count (see {@link TextShape#words}), which every filter asks for. */
  Block(String text, int linkChars, Kind kind, int letters, int list, Markup markup) {
    this(text, linkChars, kind, letters, list, TextShape.words(text), markup);
  }

  /** A paragraph with no structure beyond its text. */
  Block(String text, int linkChars, Kind kind, int letters, int list) {
    this(text, linkChars, kind, letters, list, Markup.plain(text));
  }

  enum Kind {
    PARAGRAPH,
    HEADING,
    LIST_ITEM,
    QUOTE,
    CELL
  }

  /**
   * The link density above which a block is a link rather than text that links: a paragraph over it
   * is dropped unless it reads as a sentence, only paragraphs under it mark where the prose runs, and
   * inside the story a block of elements over it is a link block (see ContentLocator).
   */
  static final double MOSTLY_LINKS = 0.5;

  double linkDensity() {
    return letters == 0 ? 0 : Math.min(1.0, (double) linkChars / letters);
  }

  boolean endsSentence() {
    return TextShape.endsSentence(text);
  }
}

package dev.newsvault.extract;

import java.util.List;

/**
 * What a rendered block looks like beyond its text, for the Markdown of the story: its inline Markdown
 * (escaped text, links and images), the raw text of a preformatted block, the containers it sits in (block
 * quotes and list items, outermost first), its heading level and its table cell. The block's plain text
 * stays the one thing the filters judge; this rides along.
 *
 * @param inline the block's text as inline Markdown; its text (images left out) is the block's text
 * @param leading images that stood alone before the block, as inline Markdown, or ""
 * @param code the text of a preformatted block with its line breaks, or null
 * @param path the block quotes and list items the block sits in, outermost first
 * @param heading 1 to 6 for a heading, else 0
 * @param cell the table cell of a block that is a whole cell's text, or null
 */
record Markup(String inline, String leading, String code, List<Container> path, int heading, Cell cell) {

  /** A block with no more to it than its text (a paragraph written by hand, a test's block). */
  static Markup plain(String text) {
    return new Markup(MarkdownEscape.inline(text, true), "", null, List.of(), 0, null);
  }

  /**
   * A block quote or a list item, with the identity of its element in the page (so that the blocks of one
   * item share it); {@code marker} is "- " or "N. " for an item, "> " for a quote.
   */
  record Container(int id, String marker) {
    boolean quote() {
      return marker.equals("> ");
    }
  }

  /** A table cell: the identities of its table and row, and whether it is a header cell. */
  record Cell(int table, int row, int cell, boolean header) {}
}

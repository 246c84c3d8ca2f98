package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the kept blocks of a story as CommonMark with GitHub's tables: headings, paragraphs, block quotes,
 * lists (ordered, nested), fenced code, tables and images. Blocks are separated by a blank line (the items of a
 * list of one-line items by a line break), so the Markdown's blocks are the text's paragraphs: rendering it and
 * taking the text of each block gives the plain text back. Nesting is taken from the blocks that were kept, not
 * from the page, so a dropped list item never leaves an indented line that would read as code.
 */
public final class MarkdownWriter {

  private MarkdownWriter() {}

  static String write(List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    Set<Integer> started = new HashSet<>();
    Map<Integer, String> indents = new HashMap<>();
    Block prev = null;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      int end = tableEnd(blocks, i);
      if (prev != null) {
        out.append('\n');
        if (!tight(prev, b, started)) {
          out.append(blankLine(prev.markup().path(), b.markup().path(), indents)).append('\n');
        }
      }
      if (end > i) {
        table(out, blocks.subList(i, end));
        i = end - 1;
        prev = blocks.get(i);
        continue;
      }
      block(out, b.markup(), started, indents);
      prev = b;
    }
    return out.toString();
  }

  /** Paragraph text written as Markdown paragraphs (a JSON-LD body given as plain text). */
  public static String paragraphs(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    // Each part between blank lines ("\n\n", left to right), empty ones kept, as text.split("\n\n", -1) gives them
    // without compiling and running a regular expression: the archive writes this for every plain story it reads.
    StringBuilder out = new StringBuilder(text.length() + 16);
    int from = 0;
    while (true) {
      int at = text.indexOf("\n\n", from);
      String p = text.substring(from, at < 0 ? text.length() : at);
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(MarkdownEscape.inline(p, true));
      if (at < 0) {
        return out.toString();
      }
      from = at + 2;
    }
  }

  /**
   * Whether {@code markdown} is {@link #paragraphs}{@code (text)}, read side by side with the text instead of
   * written and compared: the archive asks this of every story it stores, and the answer is mostly found early.
   */
  public static boolean isParagraphs(String markdown, String text) {
    if (text == null || text.isEmpty()) {
      return markdown.isEmpty();
    }
    int m = 0;
    int from = 0;
    boolean inlineEscapes = MarkdownEscape.mayNeedInlineEscape(text); // most stories have none: compared in bulk
    if (!inlineEscapes && markdown.length() == text.length() && !text.startsWith("\n\n")) {
      // Without an inline escape, and with a first paragraph (breaks before any are not written), the paragraphs
      // are the text with a backslash for each paragraph that starts as a block would: as long as the text, they
      // are the text itself (and String.equals compares in bulk).
      return !MarkdownEscape.anyParagraphStartEscape(text) && markdown.equals(text);
    }
    while (true) {
      int at = text.indexOf("\n\n", from);
      if (m > 0) { // as paragraphs() writes a break only after Markdown written before it
        if (!markdown.startsWith("\n\n", m)) {
          return false;
        }
        m += 2;
      }
      m = MarkdownEscape.matchLine(markdown, m, text, from, at < 0 ? text.length() : at, inlineEscapes);
      if (m < 0) {
        return false;
      }
      if (at < 0) {
        return m == markdown.length();
      }
      from = at + 2;
    }
  }

  private static void block(StringBuilder out, Markup m, Set<Integer> started, Map<Integer, String> indents) {
    StringBuilder first = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    for (Markup.Container c : m.path()) {
      if (c.quote()) {
        first.append("> ");
        rest.append("> ");
      } else if (started.add(c.id())) {
        String indent = " ".repeat(c.marker().length());
        indents.put(c.id(), indent);
        first.append(c.marker());
        rest.append(indent);
      } else {
        first.append(indents.get(c.id()));
        rest.append(indents.get(c.id()));
      }
    }
    List<String> lines = new ArrayList<>();
    if (!m.leading().isEmpty()) {
      lines.add(m.leading());
      lines.add("");
    }
    if (m.code() != null) {
      String fence = "`".repeat(Math.max(3, longestRun(m.code(), '`') + 1));
      lines.add(fence);
      lines.addAll(m.code().lines().toList());
      lines.add(fence);
    } else if (m.heading() > 0) {
      String inline = m.inline();
      // A closing run of '#' would be read as the end of the heading, not its text.
      inline = inline.endsWith("#") ? inline.substring(0, inline.length() - 1) + "\\#" : inline;
      lines.add("#".repeat(m.heading()) + " " + inline);
    } else {
      lines.add(m.inline());
    }
    for (int k = 0; k < lines.size(); k++) {
      String prefix = (k == 0 ? first : rest).toString();
      if (k > 0) {
        out.append('\n');
      }
      out.append(lines.get(k).isEmpty() ? prefix.stripTrailing() : prefix + lines.get(k));
    }
  }

  /** One-line items that follow each other are written as a tight list, outside any quote. */
  private static boolean tight(Block prev, Block b, Set<Integer> started) {
    Markup p = prev.markup();
    Markup m = b.markup();
    if (!isItemLine(p) || !isItemLine(m) || p.code() != null || m.code() != null || !m.leading().isEmpty()) {
      return false;
    }
    Markup.Container item = m.path().get(m.path().size() - 1);
    // An item of another list may follow a line directly only if it could start a list inside a paragraph.
    boolean canInterrupt = prev.list() == b.list() || item.marker().equals("- ") || item.marker().equals("1. ");
    return !started.contains(item.id()) && canInterrupt;
  }

  private static boolean isItemLine(Markup m) {
    if (m.path().isEmpty() || m.cell() != null) {
      return false;
    }
    for (Markup.Container c : m.path()) {
      if (c.quote()) {
        return false;
      }
    }
    return true;
  }

  /** The blank line between two blocks: it keeps the quotes both sit in open. */
  private static String blankLine(List<Markup.Container> a, List<Markup.Container> b, Map<Integer, String> indents) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(a.size(), b.size()) && a.get(i).id() == b.get(i).id(); i++) {
      s.append(a.get(i).quote() ? "> " : indents.getOrDefault(a.get(i).id(), ""));
    }
    return s.toString().stripTrailing();
  }

  /**
   * The end (exclusive) of the table that starts at {@code i}, or {@code i} when none does: a run of cells of one
   * table, outside quotes and lists, one block per cell, with at least two columns. Anything else is written as
   * paragraphs.
   */
  private static int tableEnd(List<Block> blocks, int i) {
    Markup.Cell first = blocks.get(i).markup().cell();
    if (first == null || !blocks.get(i).markup().path().isEmpty()) {
      return i;
    }
    Set<Integer> cells = new HashSet<>();
    Map<Integer, Integer> perRow = new HashMap<>();
    int j = i;
    for (; j < blocks.size(); j++) {
      Markup m = blocks.get(j).markup();
      if (m.cell() == null || m.cell().table() != first.table()) {
        break;
      }
      if (!m.path().isEmpty() || m.code() != null || !m.leading().isEmpty() || !cells.add(m.cell().cell())) {
        return i;
      }
      perRow.merge(m.cell().row(), 1, Integer::sum);
    }
    int columns = perRow.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return columns >= 2 ? j : i;
  }

  private static void table(StringBuilder out, List<Block> cells) {
    List<List<String>> rows = new ArrayList<>();
    int row = -1;
    for (Block b : cells) {
      if (b.markup().cell().row() != row) {
        rows.add(new ArrayList<>());
        row = b.markup().cell().row();
      }
      rows.get(rows.size() - 1).add(b.markup().inline());
    }
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    for (int r = 0; r < rows.size(); r++) {
      if (r > 0) {
        out.append('\n');
      }
      row(out, rows.get(r), columns);
      if (r == 0) {
        out.append('\n');
        row(out, java.util.Collections.nCopies(columns, "---"), columns);
      }
    }
  }

  private static void row(StringBuilder out, List<String> cells, int columns) {
    out.append('|');
    for (int c = 0; c < columns; c++) {
      out.append(' ').append(c < cells.size() ? cells.get(c) : "").append(" |");
    }
  }

  /** The longest run of {@code c} in {@code s}: a code fence must be longer. */
  static int longestRun(String s, char c) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}

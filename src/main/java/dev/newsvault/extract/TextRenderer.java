package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders containers into paragraph blocks: every block-level element and every {@code <br>} ends
 * a paragraph, whitespace collapses as a browser would, and link text is counted per block.
 */
final class TextRenderer {

  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "p", "div", "section", "article", "main", "header", "blockquote", "pre", "ul", "ol", "li",
          "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "h1", "h2", "h3", "h4", "h5",
          "h6", "figure", "address", "hr", "br", "center", "details", "summary", "form", "fieldset",
          "caption", "body", "html");

  private TextRenderer() {}

  static List<Block> render(List<Element> roots) {
    Visitor v = new Visitor();
    for (Element root : roots) {
      NodeTraversor.traverse(v, root);
      v.flush();
    }
    return v.blocks;
  }

  private static final class Visitor implements NodeVisitor {
    final List<Block> blocks = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    int linkChars;
    int letters;
    int linkDepth;
    final List<Element> open = new ArrayList<>();
    final Map<Element, Integer> listIds = new IdentityHashMap<>();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        append(t.getWholeText());
      } else if (node instanceof Element el) {
        if (BLOCK_TAGS.contains(el.normalName())) {
          flush();
          open.add(el);
        }
        if (el.nameIs("a")) {
          linkDepth++;
        } else if (el.nameIs("img") && text.length() > 0) {
          append(" ");
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el) {
        if (BLOCK_TAGS.contains(el.normalName())) {
          flush();
          open.remove(open.size() - 1);
        } else if (el.nameIs("a")) {
          linkDepth--;
        }
      }
    }

    /** Appends text with its white space collapsed; words are copied whole. */
    private void append(String s) {
      int n = s.length();
      int i = 0;
      while (i < n) {
        if (isSpace(s.charAt(i))) {
          if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
          }
          i++;
          continue;
        }
        int start = i;
        while (i < n && !isSpace(s.charAt(i))) {
          i++;
        }
        text.append(s, start, i);
        letters += i - start;
        if (linkDepth > 0) {
          linkChars += i - start;
        }
      }
    }

    private static boolean isSpace(char c) {
      return Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b';
    }

    void flush() {
      int end = text.length();
      if (end > 0 && text.charAt(end - 1) == ' ') {
        end--;
      }
      if (end > 0) {
        blocks.add(new Block(text.substring(0, end), linkChars, kind(), letters, currentList()));
      }
      text.setLength(0);
      linkChars = 0;
      letters = 0;
    }

    private int currentList() {
      for (int i = open.size() - 1; i >= 0; i--) {
        Element e = open.get(i);
        if (e.nameIs("ul") || e.nameIs("ol") || e.nameIs("dl")) {
          return listIds.computeIfAbsent(e, k -> listIds.size() + 1);
        }
      }
      return 0;
    }

    private Block.Kind kind() {
      for (int i = open.size() - 1; i >= 0; i--) {
        switch (open.get(i).normalName()) {
          case "h1", "h2", "h3", "h4", "h5", "h6" -> {
            return Block.Kind.HEADING;
          }
          case "li", "dd", "dt" -> {
            return Block.Kind.LIST_ITEM;
          }
          case "blockquote" -> {
            return Block.Kind.QUOTE;
          }
          case "td", "th" -> {
            return Block.Kind.CELL;
          }
          case "p" -> {
            return Block.Kind.PARAGRAPH;
          }
          default -> { }
        }
      }
      return Block.Kind.PARAGRAPH;
    }
  }
}

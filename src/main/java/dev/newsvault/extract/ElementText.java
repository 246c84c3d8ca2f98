package dev.newsvault.extract;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An element's text exactly as jsoup's {@code Element.text()} gives it, written a char at a time. jsoup folds the
 * white space of every text node code point by code point ({@code codePointAt}, {@code appendCodePoint}), which made
 * {@code text()} a tenth of the extractor's time; the story finder asks for the text of every paragraph. The same
 * walk, the same spaces between blocks and line breaks, the same white space kept under {@code pre}: no surrogate is
 * white space or dropped, so working on chars copies a pair as it stands. {@code ElementTextTest} compares the two on
 * every element of the test pages and on random trees.
 */
final class ElementText implements NodeVisitor {

  /** How far up jsoup looks for an element that keeps its white space. */
  private static final int PRESERVE_LEVELS = 6;

  private final StringBuilder out = new StringBuilder(128);

  private ElementText() {}

  /** {@code e.text()}. */
  static String of(Element e) {
    ElementText t = new ElementText();
    NodeTraversor.traverse(t, e);
    return t.out.toString().trim();
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode t) {
      String text = t.getWholeText();
      if (t instanceof CDataNode || keepsWhiteSpace(t.parent())) {
        out.append(text);
      } else {
        appendFolded(text, lastIsSpace());
      }
    } else if (node instanceof Element e && out.length() > 0 && startsApart(e) && !lastIsSpace()) {
      out.append(' ');
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (node instanceof Element e && endsApart(e)) {
      Node next = node.nextSibling();
      if ((next instanceof TextNode || next instanceof Element n && n.tag().isInline()) && !lastIsSpace()) {
        out.append(' ');
      }
    }
  }

  private static boolean startsApart(Element e) {
    return e.isBlock() || e.nameIs("br") || e.tag().is(Tag.TextBoundary) && e.childNodeSize() > 0 && e.hasText();
  }

  private static boolean endsApart(Element e) {
    return e.tag().is(Tag.TextBoundary) || !e.tag().isInline() || hasBlockChild(e);
  }

  private static boolean hasBlockChild(Element e) {
    for (int i = 0; i < e.childNodeSize(); i++) {
      if (e.childNode(i) instanceof Element c && c.isBlock()) {
        return true;
      }
    }
    return false;
  }

  private static boolean keepsWhiteSpace(Node parent) {
    Node n = parent;
    for (int level = 0; level < PRESERVE_LEVELS && n instanceof Element e; level++) {
      if (e.tag().preserveWhitespace()) {
        return true;
      }
      n = e.parent();
    }
    return false;
  }

  private boolean lastIsSpace() {
    return out.length() > 0 && out.charAt(out.length() - 1) == ' ';
  }

  /**
   * Each run of white space (no-break space included) as one space, none at the start when {@code stripLeading};
   * zero-width spaces and soft hyphens dropped.
   */
  private void appendFolded(String text, boolean stripLeading) {
    boolean lastWasSpace = false;
    boolean seenText = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
        if (!lastWasSpace && (seenText || !stripLeading)) {
          out.append(' ');
          lastWasSpace = true;
        }
      } else if (c != '\u200b' && c != '\u00ad') {
        out.append(c);
        lastWasSpace = false;
        seenText = true;
      }
    }
  }
}

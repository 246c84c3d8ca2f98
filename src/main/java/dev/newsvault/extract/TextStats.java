package dev.newsvault.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text, link-text and paragraph-text lengths (non-whitespace characters) of every element under a root, computed in
 * one walk so that scoring never calls {@code text()} on big subtrees over and over.
 */
final class TextStats {

  private final Map<Element, int[]> stats = new IdentityHashMap<>();

  private TextStats() {}

  static TextStats of(Element root) {
    TextStats s = new TextStats();
    NodeTraversor.traverse(s.new Counter(), root);
    return s;
  }

  int textLength(Element e) {
    int[] v = stats.get(e);
    return v == null ? 0 : v[0];
  }

  int linkLength(Element e) {
    int[] v = stats.get(e);
    return v == null ? 0 : v[1];
  }

  /** Characters of text inside {@code <p>} elements: running prose, not menus. */
  int paragraphLength(Element e) {
    int[] v = stats.get(e);
    return v == null ? 0 : v[2];
  }

  double linkDensity(Element e) {
    int t = textLength(e);
    return t == 0 ? 0 : (double) linkLength(e) / t;
  }

  /** Counts each text node once and pushes totals up as elements close. */
  private final class Counter implements NodeVisitor {
    private int linkDepth;
    private int paragraphDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element el) {
        stats.put(el, new int[3]);
        if (el.nameIs("a")) {
          linkDepth++;
        } else if (el.nameIs("p")) {
          paragraphDepth++;
        }
      } else if (node instanceof TextNode t) {
        int n = visibleLength(t.getWholeText());
        Element parent = (Element) t.parentNode();
        if (parent != null && n > 0) {
          int[] v = stats.get(parent);
          if (v != null) {
            v[0] += n;
            if (linkDepth > 0) {
              v[1] += n;
            }
            if (paragraphDepth > 0) {
              v[2] += n;
            }
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el) {
        if (el.nameIs("a")) {
          linkDepth--;
        } else if (el.nameIs("p")) {
          paragraphDepth--;
        }
        Element parent = el.parent();
        if (parent != null) {
          int[] mine = stats.get(el);
          int[] theirs = stats.get(parent);
          if (theirs != null) {
            theirs[0] += mine[0];
            theirs[1] += mine[1];
            theirs[2] += mine[2];
          }
        }
      }
    }
  }

  static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00a0') {
        n++;
      }
    }
    return n;
  }
}

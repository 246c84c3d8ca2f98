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

  private final Map<Element, int[]> stats;

  private TextStats(int elements) {
    // Sized for the page up front: growing a map of thousands of entries step by step cost more than the count.
    stats = elements > 0 ? new IdentityHashMap<>(elements) : new IdentityHashMap<>();
  }

  static TextStats of(Element root) {
    return of(root, 0);
  }

  /** The figures of every element under the root; {@code elements} says about how many there are (0: not known). */
  static TextStats of(Element root, int elements) {
    TextStats s = new TextStats(elements);
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

  /** Characters of non-link text inside {@code <p>} elements: running prose, not menus. */
  int paragraphLength(Element e) {
    int[] v = stats.get(e);
    return v == null ? 0 : v[2];
  }

  /**
   * Takes an element's text out of its ancestors' figures up to {@code root}, before it is detached: what a
   * new count of the tree without it would give them. Its own figures stay, for whoever holds it.
   */
  void subtract(Element e, Element root) {
    int[] mine = stats.get(e);
    if (mine == null || e == root) {
      return;
    }
    for (Element p = e.parent(); p != null; p = p.parent()) {
      int[] theirs = stats.get(p);
      if (theirs != null) {
        theirs[0] -= mine[0];
        theirs[1] -= mine[1];
        theirs[2] -= mine[2];
      }
      if (p == root) {
        break;
      }
    }
  }

  double linkDensity(Element e) {
    int t = textLength(e);
    return t == 0 ? 0 : (double) linkLength(e) / t;
  }

  /**
   * Counts each text node once and pushes totals up as elements close. The open elements' figures are kept on a
   * stack as well as in the map: a text node's parent is the top of it, so the walk looks nothing up.
   */
  private final class Counter implements NodeVisitor {
    private int linkDepth;
    private int paragraphDepth;
    private final java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element el) {
        int[] mine = new int[3];
        stats.put(el, mine);
        open.push(mine);
        if (el.nameIs("a")) {
          linkDepth++;
        } else if (el.nameIs("p")) {
          paragraphDepth++;
        }
      } else if (node instanceof TextNode t && !open.isEmpty()) {
        int n = visibleLength(t.getWholeText());
        if (n > 0) {
          int[] v = open.peek();
          v[0] += n;
          if (linkDepth > 0) {
            v[1] += n;
          }
          if (paragraphDepth > 0 && linkDepth == 0) {
            v[2] += n;
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
        int[] mine = open.pop();
        int[] theirs = open.peek();
        if (theirs != null) {
          theirs[0] += mine[0];
          theirs[1] += mine[1];
          theirs[2] += mine[2];
        }
      }
    }
  }

  static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Chars.isWhitespace(c) && c != '\u00a0') {
        n++;
      }
    }
    return n;
  }
}

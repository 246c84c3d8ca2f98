package dev.newsvault.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Caps how deep a parsed page's element tree goes, before any selector runs. Selectors with descendant or
 * ancestor steps cost time in proportion to the depth of every element they test, so a page of 100,000
 * nested {@code <div>}s (1 MB) made them quadratic and held a crawl thread for minutes. Below
 * {@value #MAX_DEPTH} levels every element is unwrapped: its text (runs of it joined into one text node),
 * and its elements that have no children ({@code <br>}, {@code <img>}), stay in document order under the
 * last allowed level. Real news pages stay
 * far shallower (a few dozen levels), so they are never changed. Linear in the page size.
 */
public final class DomLimits {

  /** The deepest element level kept; deeper elements are unwrapped. */
  public static final int MAX_DEPTH = 256;

  private DomLimits() {}

  /** Flattens {@code doc} below {@link #MAX_DEPTH}; returns how many elements were unwrapped (0 for normal pages). */
  public static int capDepth(Document doc) {
    return capDepth(doc, MAX_DEPTH);
  }

  static int capDepth(Element root, int maxDepth) {
    List<Element> atLimit = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (depth == maxDepth && node instanceof Element e && hasElementChild(e)) {
          atLimit.add(e);
        }
      }
    }, root);
    int unwrapped = 0;
    for (Element e : atLimit) {
      unwrapped += flatten(e);
    }
    return unwrapped;
  }

  /** Replaces {@code top}'s subtree by its leaves in document order; returns how many elements went. */
  private static int flatten(Element top) {
    List<Node> leaves = new ArrayList<>();
    List<Element> containers = new ArrayList<>();
    Deque<Node> stack = new ArrayDeque<>();
    StringBuilder text = new StringBuilder();
    pushChildren(stack, top);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n instanceof Element e && e.childNodeSize() > 0) {
        containers.add(e);
        pushChildren(stack, e);
      } else if (n instanceof TextNode t) {
        // Runs of text become one node (one per former element would leave 100,000 siblings); the unwrapped
        // elements were block boundaries, so their texts stay apart by a space.
        String s = t.getWholeText();
        if (!text.isEmpty() && !s.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))
            && !Character.isWhitespace(s.charAt(0))) {
          text.append(' ');
        }
        text.append(s);
      } else {
        flushText(text, leaves);
        leaves.add(n);
      }
    }
    flushText(text, leaves);
    // Emptying every parent detaches all nodes in one pass each; moving them one by one would re-index
    // sibling lists and turn quadratic on wide pages.
    for (Element c : containers) {
      c.empty();
    }
    top.empty();
    top.appendChildren(leaves);
    return containers.size();
  }

  private static void flushText(StringBuilder text, List<Node> leaves) {
    if (!text.isEmpty()) {
      leaves.add(new TextNode(text.toString()));
      text.setLength(0);
    }
  }

  private static void pushChildren(Deque<Node> stack, Element e) {
    // By index: jsoup's childNodes() copies the list, and this runs for every element of the page.
    for (int i = e.childNodeSize() - 1; i >= 0; i--) {
      stack.push(e.childNode(i));
    }
  }

  private static boolean hasElementChild(Element e) {
    return e.childrenSize() > 0;
  }
}

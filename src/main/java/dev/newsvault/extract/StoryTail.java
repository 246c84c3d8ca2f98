package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes the short blocks that follow the story's run of paragraphs inside its container: the
 * "follow us on …" line, the app or newsletter pitch, the "this post was filed under …" line, a licence
 * note. The story's paragraphs share a parent; a short block after the last of them, in a box of its own,
 * is a line about the story or the site, not more of it. Judged by position and shape, so it needs no
 * phrase list and works in any language.
 */
final class StoryTail {

  /** At least this much paragraph text under one parent makes that parent the story's run. */
  private static final int MIN_RUN = 400;
  /** A trailing box with more words than this says something: it stays. */
  private static final int MAX_WORDS = 30;

  private StoryTail() {}

  /** As described above; {@code paragraphTexts} holds texts of {@code <p>} elements already read, by identity. */
  static List<Element> prune(List<Element> roots, Map<Element, String> paragraphTexts) {
    List<Node> gone = new ArrayList<>();
    int runRoot = -1;
    for (int i = 0; i < roots.size(); i++) {
      Element root = roots.get(i);
      Element run = paragraphRun(root, paragraphTexts);
      if (run == null) {
        continue;
      }
      runRoot = i;
      // What follows the run's last paragraph, inside the run's parent, then after the run up to the root.
      List<Element> after = new ArrayList<>();
      Element lastP = null;
      for (Element c : run.children()) {
        if (c.nameIs("p")) {
          lastP = c;
        }
      }
      for (Element c = lastP == null ? null : lastP.nextElementSibling(); c != null; c = c.nextElementSibling()) {
        after.add(c);
      }
      for (Element e = run; e != root && e.parent() != null; e = e.parent()) {
        for (Element c = e.nextElementSibling(); c != null; c = c.nextElementSibling()) {
          after.add(c);
        }
      }
      gone.addAll(shortTail(after));
    }
    DomCleaner.removeAll(gone);
    if (runRoot < 0) {
      return roots;
    }
    // Containers taken in beside the story after it (a sibling line of text) are judged the same way.
    List<Element> tail = shortTail(roots.subList(runRoot + 1, roots.size()));
    if (tail.isEmpty()) {
      return roots;
    }
    List<Element> kept = new ArrayList<>(roots);
    kept.removeAll(tail);
    return kept;
  }

  /** Boxes a tail may have: more short boxes in a row are a list of steps or cards, the story's own. */
  private static final int MAX_BOXES = 2;
  /** Blocks of the story's own kind beside paragraphs: headings, lists, tables, quotes, figures, code. */
  private static final Set<String> NOT_BOXES =
      Set.of("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "figure", "pre");

  /** The short boxes ending the list, when there are few of them and nothing of substance follows. */
  private static List<Element> shortTail(List<Element> after) {
    List<Element> tail = new ArrayList<>();
    for (int i = after.size() - 1; i >= 0; i--) {
      Element c = after.get(i);
      String text = c.text();
      if (text.isBlank()) {
        continue;
      }
      if (!isBox(c) || TextShape.words(text) > MAX_WORDS || repeatsSibling(c)) {
        break;
      }
      tail.add(c);
    }
    return tail.size() <= MAX_BOXES ? tail : List.of();
  }

  private static boolean isBox(Element c) {
    return !(c.nameIs("p") || NOT_BOXES.contains(c.normalName()));
  }

  /** One of several same-shaped boxes in a row: items of a list, not a line about the story. */
  private static boolean repeatsSibling(Element c) {
    Element prev = c.previousElementSibling();
    Element next = c.nextElementSibling();
    return prev != null && sameShape(prev, c) || next != null && sameShape(next, c);
  }

  private static boolean sameShape(Element a, Element b) {
    return a.normalName().equals(b.normalName()) && a.className().equals(b.className());
  }

  /** The element whose own {@code <p>} children hold the most text, when that is enough to be the story. */
  private static Element paragraphRun(Element root, Map<Element, String> paragraphTexts) {
    Element best = null;
    int bestLen = 0;
    for (Element e : root.getAllElements()) {
      int len = 0;
      for (Element c : e.children()) {
        if (c.nameIs("p")) {
          len += paragraphTexts.computeIfAbsent(c, Element::text).length();
        }
      }
      if (len > bestLen) {
        best = e;
        bestLen = len;
      }
    }
    return bestLen >= MIN_RUN ? best : null;
  }
}

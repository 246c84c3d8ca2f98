package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Prunes the chosen story containers: once a container wins, its whole subtree would be kept, so
 * blocks inside it that are furniture by their shape are removed before rendering. Two signals, each
 * judged without phrase lists: a block named as boilerplate and built of many same-shaped items, and a
 * block built of links.
 */
final class StoryPruner {

  private final TextStats stats;

  private StoryPruner(TextStats stats) {
    this.stats = stats;
  }

  /**
   * Removes the furniture blocks inside the roots, and short boxes after the story (see {@link StoryTail});
   * returns the roots that remain. {@code paragraphTexts} holds texts of {@code <p>} elements read before: they
   * hold as long as nothing is removed (a table of contents' links are unwrapped, which keeps every text), and are
   * forgotten when something is, since a removed block can sit inside a paragraph (a table, in quirks mode).
   */
  static List<Element> prune(List<Element> roots, TextStats stats, Map<Element, String> paragraphTexts) {
    StoryPruner p = new StoryPruner(stats);
    boolean removed = p.pruneNamedRepeats(roots);
    TableOfContents.unlink(roots);
    removed |= p.pruneLinkBlocks(roots);
    if (removed) {
      paragraphTexts.clear();
    }
    return StoryTail.prune(roots, paragraphTexts);
  }

  /** Tags of blocks that can be furniture inside a story; paragraphs are judged after rendering. */
  private static final Set<String> SECTION_TAGS =
      Set.of("div", "section", "aside", "ul", "ol", "dl", "table", "header", "footer", "form", "figure", "details");
  /** Non-link characters from which a block says something besides its links (a short label does not). */
  private static final int OWN_TEXT = 20;

  /**
   * Inside the chosen story, removes blocks built of links: mostly link text, at least two links, and
   * under {@link #OWN_TEXT} characters besides them (a ranking box's numbers, a product card's price, a
   * menu, a tag box). Rendering would drop their linked lines one by one but keep the stray labels
   * between them. Judged by shape, so it works in any language; a block that ends as a statement is a
   * sentence linking most of its words and stays, and so does one holding half the story's text.
   */
  private boolean pruneLinkBlocks(List<Element> roots) {
    List<Node> gone = new ArrayList<>();
    for (Element root : roots) {
      int rootText = stats.textLength(root);
      NodeTraversor.filter(new NodeFilter() {
        @Override
        public FilterResult head(Node node, int depth) {
          if (node == root) {
            return FilterResult.CONTINUE;
          }
          if (!(node instanceof Element d)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          return isLinkBlock(d, rootText) ? remove(d) : FilterResult.CONTINUE;
        }

        private FilterResult remove(Element d) {
          gone.add(d);
          return FilterResult.SKIP_ENTIRELY;
        }
      }, root);
    }
    DomCleaner.removeAll(gone);
    return !gone.isEmpty();
  }

  private boolean isLinkBlock(Element d, int rootText) {
    int text = stats.textLength(d);
    if (!SECTION_TAGS.contains(d.normalName()) || text == 0 || text * 2 > rootText
        || stats.linkDensity(d) < Block.MOSTLY_LINKS || text - stats.linkLength(d) >= OWN_TEXT) {
      return false;
    }
    return d.getElementsByTag("a").size() >= 2 && !TextShape.endsStatement(d.text())
        && !DomCleaner.containsBodyMarker(d);
  }

  /** Items of one shape from which a block named as boilerplate is a carousel, not a section. */
  private static final int REPEATED_ITEMS = 5;

  /**
   * Inside the chosen story, removes blocks that are both named as boilerplate ("widget",
   * "related") and built of many items of one shape (a slideshow, a feed of teasers), when the
   * story has prose of its own besides them. Either signal alone is not enough: a prose section
   * can carry an odd name, and a story can be a list of same-shaped steps.
   */
  private boolean pruneNamedRepeats(List<Element> roots) {
    List<Node> gone = new ArrayList<>();
    for (Element root : roots) {
      int rootProse = stats.paragraphLength(root);
      for (Element d : root.getAllElements()) {
        if (d == root || gone.stream().anyMatch(g -> ContentLocator.isAncestor((Element) g, d))) {
          continue;
        }
        if (NamePatterns.isBoilerplate(d)
            && rootProse - stats.paragraphLength(d) >= MIN_OWN_PROSE && hasRepeatedItems(d)
            && !DomCleaner.containsBodyMarker(d)) {
          gone.add(d);
        }
      }
    }
    DomCleaner.removeAll(gone);
    return !gone.isEmpty();
  }

  private static final int MIN_OWN_PROSE = 400;
  private static final Set<String> ITEM_TAGS = Set.of("li", "figure", "article");

  private static boolean hasRepeatedItems(Element block) {
    for (Element e : block.getAllElements()) {
      if (e.childrenSize() < REPEATED_ITEMS) {
        continue;
      }
      Map<String, Integer> shapes = new HashMap<>();
      for (Element c : e.children()) {
        if (!ITEM_TAGS.contains(c.normalName())) {
          continue; // paragraphs of one class are the story's own
        }
        if (shapes.merge(c.normalName() + "." + c.className(), 1, Integer::sum) >= REPEATED_ITEMS) {
          return true;
        }
      }
    }
    return false;
  }
}

package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Removes what can never be article text before any scoring: code and media, form controls,
 * hidden elements and ruby annotations; and sets aside, restorably, what is only probably not the
 * story: navigation landmarks, page-wide headers, asides, {@code <noscript>} fallbacks and blocks
 * whose class or id names them as boilerplate (share bars, related lists…). A block that reads as
 * prose (long paragraphs, few links) is never set aside for its name, except where the name says it
 * is prose that is never the story (comments, consent notices, newsletter pitches).
 */
final class DomCleaner {

  private static final Set<String> DROP_TAGS =
      Set.of(
          "script", "style", "template", "svg", "canvas", "iframe", "object", "embed",
          "video", "audio", "map", "input", "select", "option", "textarea", "button", "nav", "dialog",
          "link", "meta", "figcaption", "footer", "head", "title", "picture", "source",
          // Ruby annotations: the reading aid printed inline would garble the base text.
          "rt", "rp");

  /** Tags that usually hold no story but sometimes hold all of it: set aside, not dropped. */
  private static final Set<String> HINT_TAGS = Set.of("aside", "noscript");

  private static final Set<String> PROTECTED_TAGS = Set.of("html", "body", "article", "main");

  private static final Set<String> DROP_ROLES =
      Set.of(
          "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "dialog",
          "alert", "alertdialog", "search", "toolbar", "tablist");

  /** Non-link paragraph characters from which a block reads as prose rather than furniture. */
  private static final int PROSE_CHARS = 400;
  private static final Evaluator IMG = QueryParser.parse("img");
  private static final Evaluator PICTURE = QueryParser.parse("picture");

  private DomCleaner() {}

  /**
   * Cleans the subtree under {@code root}; the root itself is always kept. Returns what was set
   * aside, so that a caller who finds no story can put the most promising block back and try again,
   * and the text lengths of what is left.
   */
  static Removed clean(Element root) {
    return clean(root, 0);
  }

  /** As {@link #clean(Element)}, knowing about how many elements there are (0: not known). */
  static Removed clean(Element root, int elements) {
    TextStats stats = TextStats.of(root, elements);
    Filter filter = new Filter(root, stats, stats.paragraphLength(root));
    NodeTraversor.filter(filter, root);
    List<Removed.Slot> slots = new ArrayList<>(filter.setAside.size());
    for (Element e : filter.setAside) {
      if (e.parent() != null) {
        stats.subtract(e, root);
        // A placeholder keeps the spot: replacing is constant time, and restoring is exact.
        Element placeholder = new Element("nv-removed");
        e.replaceWith(placeholder);
        slots.add(new Removed.Slot(e, placeholder, stats.paragraphLength(e) + stats.textLength(e) / 4));
      }
    }
    for (Node n : filter.dropped) {
      if (n instanceof Element e) {
        stats.subtract(e, root); // other nodes hold no text that counts
      }
    }
    removeAll(filter.dropped);
    return new Removed(slots, stats);
  }

  /**
   * Detaches nodes, rebuilding each parent's child list once: jsoup re-indexes every later sibling
   * on each single removal, which is quadratic in the number of siblings.
   */
  static void removeAll(List<Node> nodes) {
    if (nodes.isEmpty()) {
      return;
    }
    Map<Node, List<Node>> byParent = new IdentityHashMap<>();
    for (Node n : nodes) {
      Node parent = n.parentNode();
      if (parent != null) {
        byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(n);
      }
    }
    for (Map.Entry<Node, List<Node>> en : byParent.entrySet()) {
      List<Node> gone = en.getValue();
      if (gone.size() < 4 || !(en.getKey() instanceof Element parent)) {
        gone.forEach(Node::remove);
        continue;
      }
      Set<Node> drop = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      drop.addAll(gone);
      List<Node> kept = new ArrayList<>(parent.childNodeSize());
      for (int i = 0, size = parent.childNodeSize(); i < size; i++) {
        Node c = parent.childNode(i);
        if (!drop.contains(c)) {
          kept.add(c);
        }
      }
      parent.empty();
      parent.appendChildren(kept);
    }
  }

  /** Elements set aside, each with the placeholder that holds its place and how much prose it has. */
  /**
   * The blocks set aside, and the text lengths of the cleaned subtree: those taken before cleaning less what
   * was removed, the same figures a new count would give, without walking the page again.
   */
  record Removed(List<Slot> slots, TextStats stats) {
    record Slot(Element element, Element placeholder, int prose) {}

    /** Puts back the set-aside block with the most prose, if any; true when one came back. */
    boolean restoreMostProse() {
      Slot best = null;
      for (Slot s : slots) {
        if (s.placeholder().parent() != null && s.prose() > 0 && (best == null || s.prose() > best.prose())) {
          best = s;
        }
      }
      if (best == null) {
        return false;
      }
      best.placeholder().replaceWith(best.element());
      return true;
    }
  }

  /**
   * A block holding most of the page's paragraph text is not set aside: wrappers get names like
   * "elementor-widget-container" or "ad_body wrapper" too, and losing the story is worse than
   * keeping a sidebar that scoring will leave out anyway.
   */
  private static final class Filter implements NodeFilter {
    private final Element root;
    private final TextStats stats;
    private final int total;
    final List<Element> setAside = new ArrayList<>();
    final List<Node> dropped = new ArrayList<>();

    Filter(Element root, TextStats stats, int total) {
      this.root = root;
      this.stats = stats;
      this.total = total;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode || node == root) {
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element el)) {
        dropped.add(node); // comments, doctype, data nodes: no visible text
        return FilterResult.SKIP_ENTIRELY;
      }
      if (!shouldDrop(el)) {
        return FilterResult.CONTINUE;
      }
      if (el.nameIs("figcaption")) {
        captionImage(el);
      }
      // Names, roles, landmarks and aria-hidden are hints a page can get wrong; tags and CSS hiding are not.
      // Landmark tags (aside, noscript, a page-wide header) are always set aside, names and roles
      // only when the block is not most of the page's prose or reads as prose itself.
      boolean hint = !DROP_TAGS.contains(el.normalName()) && isRendered(el);
      boolean landmark = HINT_TAGS.contains(el.normalName()) || el.nameIs("header");
      if (hint && !landmark && total > 0 && stats.paragraphLength(el) * 2 > total
          && !NamePatterns.isOverlay(el)) {
        return FilterResult.CONTINUE;
      }
      if (hint && !landmark && isProse(el) && el.attr("role").isEmpty()
          && !NamePatterns.isProseBoilerplate(el)) {
        return FilterResult.CONTINUE;
      }
      if (hint) {
        setAside.add(el);
      } else {
        dropped.add(el);
      }
      return FilterResult.SKIP_ENTIRELY;
    }

    /** Mostly running text with few links: a section of the story, whatever it is called. */
    private boolean isProse(Element el) {
      int prose = stats.paragraphLength(el);
      return prose >= PROSE_CHARS && prose * 2 >= stats.textLength(el) && stats.linkDensity(el) < 0.1;
    }
  }

  /**
   * A caption is not story text (credits and repeats of it), but it belongs to its picture: it rides along as
   * the image's title, which only the Markdown shows.
   */
  private static void captionImage(Element figcaption) {
    Element figure = figcaption.parent();
    if (figure == null || !figure.nameIs("figure")) {
      return;
    }
    Element img = figure.selectFirst(IMG);
    String caption = figcaption.text().strip();
    if (img != null && !caption.isEmpty() && img.attr("title").isBlank() && img.closest(PICTURE) == null) {
      img.attr("title", caption);
    }
  }

  static boolean shouldDrop(Element el) {
    String tag = el.normalName();
    if (DROP_TAGS.contains(tag) || HINT_TAGS.contains(tag)) {
      return true;
    }
    if (PROTECTED_TAGS.contains(tag)) {
      return false;
    }
    if (tag.equals("header") && !insideStory(el)) {
      return true;
    }
    if (!isRendered(el) || "true".equalsIgnoreCase(el.attr("aria-hidden"))
        || "true".equalsIgnoreCase(el.attr("aria-modal"))) {
      return true;
    }
    String role = el.attr("role");
    if (!role.isEmpty() && DROP_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      return !containsBodyMarker(el);
    }
    if (!NamePatterns.isBoilerplate(el)) {
      return false;
    }
    return !containsBodyMarker(el) && !insideSentence(el);
  }

  /**
   * True for an element that continues a sentence on both sides (a formula, a glossary tooltip, a
   * highlighted term): a word runs right up to it and the sentence goes on after it. Whatever its class
   * says, it is part of the sentence. Menus, share bars and widgets stand between blocks, and a meta line's
   * counters and labels stand between separators ("Science · 4 comments · 3 min read"), never between two
   * words of one sentence.
   */
  static boolean insideSentence(Element el) {
    String before = adjacentText(el.previousSibling(), false);
    String after = adjacentText(el.nextSibling(), true);
    if (before == null || after == null) {
      return false;
    }
    char last = before.charAt(before.length() - 1);
    char first = after.charAt(0);
    return Character.isLetterOrDigit(last) && (Character.isLetterOrDigit(first) || ",.;:!?)".indexOf(first) >= 0);
  }

  /** The text touching the element on one side, without the white space between, or null when there is none. */
  private static String adjacentText(Node n, boolean forward) {
    // Skip white space between the element and the words around it (line breaks in the markup).
    while (n instanceof TextNode t && t.isBlank()) {
      n = forward ? n.nextSibling() : n.previousSibling();
    }
    if (!(n instanceof TextNode t)) {
      return null;
    }
    String text = t.text().strip();
    return text.isEmpty() ? null : text;
  }

  /** False for elements a browser does not render: the hidden attribute or inline CSS hiding. */
  private static boolean isRendered(Element el) {
    if (el.hasAttr("hidden")) {
      return false;
    }
    String style = el.attr("style");
    if (style.isEmpty()) {
      return true;
    }
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return !s.contains("display:none") && !s.contains("visibility:hidden");
  }

  private static boolean insideStory(Element el) {
    for (Element p = el.parent(); p != null; p = p.parent()) {
      if (p.nameIs("article") || p.nameIs("main") || "articleBody".equals(p.attr("itemprop"))) {
        return true;
      }
    }
    return false;
  }

  /** A story container by its markup: {@code itemprop="articleBody"} or a name like "entry-content". */
  private static boolean isBodyMarker(Element e) {
    return e.attributesSize() > 0 && ("articleBody".equals(e.attr("itemprop")) || NamePatterns.isBody(e));
  }

  /**
   * Whether a story container lies below the element. Only blocks named or marked as boilerplate are
   * asked, and the walk stops at the first container, so a page is walked about once in all.
   */
  static boolean containsBodyMarker(Element el) {
    boolean[] found = {false};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element d)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (d != el && isBodyMarker(d)) {
          found[0] = true;
          return FilterResult.STOP;
        }
        return FilterResult.CONTINUE;
      }
    }, el);
    return found[0];
  }
}

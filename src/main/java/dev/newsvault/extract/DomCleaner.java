package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what can never be article text before any scoring: code and media, form controls,
 * hidden elements, navigation landmarks, and blocks whose class or id names them as boilerplate
 * (share bars, comments, newsletters, related lists…). Story containers are protected: an element
 * whose subtree holds the marked article body is never removed for its name.
 */
final class DomCleaner {

  private static final Set<String> DROP_TAGS =
      Set.of(
          "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
          "video", "audio", "map", "input", "select", "option", "textarea", "button", "nav", "dialog",
          "link", "meta", "figcaption", "aside", "footer", "head", "title", "math", "picture", "source");

  private static final Set<String> PROTECTED_TAGS = Set.of("html", "body", "article", "main");

  private static final Set<String> DROP_ROLES =
      Set.of(
          "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "dialog",
          "alert", "alertdialog", "search", "toolbar", "tablist");

  private DomCleaner() {}

  /**
   * Cleans the subtree under {@code root}; the root itself is always kept. Returns what was removed
   * for its name or role alone, so that a caller who finds no story can put it back and try again.
   */
  static Removed clean(Element root) {
    TextStats stats = TextStats.of(root);
    Filter filter = new Filter(root, stats, stats.paragraphLength(root));
    NodeTraversor.filter(filter, root);
    List<Removed.Slot> slots = new ArrayList<>(filter.byName.size());
    for (Element e : filter.byName) {
      Element parent = e.parent();
      if (parent != null) {
        slots.add(new Removed.Slot(e, parent, e.siblingIndex()));
        e.remove();
      }
    }
    return new Removed(slots);
  }

  /** Elements removed for their names, in removal order, with where they were. */
  record Removed(List<Slot> slots) {
    record Slot(Element element, Element parent, int index) {}

    /** Puts every element back where it was (in reverse order, so indexes stay right). */
    void restore() {
      for (int i = slots.size() - 1; i >= 0; i--) {
        Slot s = slots.get(i);
        s.parent().insertChildren(Math.min(s.index(), s.parent().childNodeSize()), s.element());
      }
    }
  }

  /**
   * A block holding most of the page's paragraph text is not dropped for its name: wrappers get names like
   * "elementor-widget-container" or "ad_body wrapper" too, and losing the story is worse than
   * keeping a sidebar that scoring will leave out anyway.
   */
  private static final class Filter implements NodeFilter {
    private final Element root;
    private final TextStats stats;
    private final int total;
    final List<Element> byName = new ArrayList<>();

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
        return FilterResult.REMOVE; // comments, doctype, data nodes: no visible text
      }
      if (!shouldDrop(el)) {
        return FilterResult.CONTINUE;
      }
      // Names, roles and aria-hidden are hints a page can get wrong; tags and CSS hiding are not.
      boolean byName = !DROP_TAGS.contains(el.normalName()) && !el.nameIs("header") && isRendered(el);
      if (byName && total > 0 && stats.paragraphLength(el) * 2 > total) {
        return FilterResult.CONTINUE;
      }
      if (byName) {
        this.byName.add(el); // detached after the walk, so it can be put back
        return FilterResult.SKIP_ENTIRELY;
      }
      return FilterResult.REMOVE;
    }
  }

  static boolean shouldDrop(Element el) {
    String tag = el.normalName();
    if (DROP_TAGS.contains(tag)) {
      return true;
    }
    if (PROTECTED_TAGS.contains(tag)) {
      return false;
    }
    if (tag.equals("header") && !insideStory(el)) {
      return true;
    }
    if (!isRendered(el) || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
      return true;
    }
    String role = el.attr("role");
    if (!role.isEmpty() && DROP_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      return !containsBodyMarker(el);
    }
    String names = NamePatterns.names(el);
    if (names.isEmpty() || !NamePatterns.isBoilerplate(names)) {
      return false;
    }
    return !containsBodyMarker(el);
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

  static boolean containsBodyMarker(Element el) {
    for (Element d : el.getAllElements()) {
      if (d == el) {
        continue;
      }
      if ("articleBody".equals(d.attr("itemprop")) || NamePatterns.isBody(NamePatterns.names(d))) {
        return true;
      }
    }
    return false;
  }
}

package dev.newsvault.extract;

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

  static void clean(Element root) {
    TextStats stats = TextStats.of(root);
    NodeTraversor.filter(new Filter(stats, stats.paragraphLength(root)), root);
  }

  /**
   * A block holding most of the page's paragraph text is not dropped for its name: wrappers get names like
   * "elementor-widget-container" or "ad_body wrapper" too, and losing the story is worse than
   * keeping a sidebar that scoring will leave out anyway.
   */
  private static final class Filter implements NodeFilter {
    private final TextStats stats;
    private final int total;

    Filter(TextStats stats, int total) {
      this.stats = stats;
      this.total = total;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode) {
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element el)) {
        return FilterResult.REMOVE; // comments, doctype, data nodes: no visible text
      }
      if (!shouldDrop(el)) {
        return FilterResult.CONTINUE;
      }
      boolean byName = !DROP_TAGS.contains(el.normalName()) && !el.nameIs("header") && !isHidden(el);
      if (byName && total > 0 && stats.paragraphLength(el) * 2 > total) {
        return FilterResult.CONTINUE;
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
    if (isHidden(el)) {
      return true;
    }
    String role = el.attr("role");
    if (!role.isEmpty() && DROP_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      return !containsBodyMarker(el);
    }
    String names = NamePatterns.names(el);
    if (names.isEmpty() || !NamePatterns.isBoilerplate(stripTaxonomyTokens(names))) {
      return false;
    }
    return !containsBodyMarker(el);
  }

  private static boolean isHidden(Element el) {
    if (el.hasAttr("hidden") || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
      return true;
    }
    String style = el.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }

  private static boolean insideStory(Element el) {
    for (Element p = el.parent(); p != null; p = p.parent()) {
      if (p.nameIs("article") || p.nameIs("main") || "articleBody".equals(p.attr("itemprop"))) {
        return true;
      }
    }
    return false;
  }

  /** WordPress tags containers with "tag-social-media" or "category-news": these say nothing. */
  private static String stripTaxonomyTokens(String names) {
    if (!names.contains("tag-") && !names.contains("category-")) {
      return names;
    }
    StringBuilder sb = new StringBuilder();
    for (String token : names.split("\\s+")) {
      if ((token.startsWith("tag-") || token.startsWith("category-")) && token.length() > 12) {
        continue;
      }
      sb.append(token).append(' ');
    }
    return sb.toString();
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

package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element(s) holding the story in a cleaned document. Paragraph-like elements vote for
 * their ancestors with a score that grows with length and commas (readability's idea); candidates
 * are weighed by tag, class names and link density; the winner then absorbs siblings that look like
 * more of the same story.
 */
final class ContentLocator {

  private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote");
  private static final Set<String> BLOCK_CHILDREN =
      Set.of(
          "a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article",
          "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "main", "form");
  private static final int MIN_PARAGRAPH = 25;
  private static final int ANCESTOR_LEVELS = 5;

  private final TextStats stats;
  private final Map<Element, Double> scores = new IdentityHashMap<>();

  private ContentLocator(TextStats stats) {
    this.stats = stats;
  }

  /** The story containers in document order, or an empty list when nothing scores. */
  static List<Element> locate(Element body, TextStats stats) {
    return new ContentLocator(stats).run(body);
  }

  private List<Element> run(Element body) {
    for (Element e : body.getAllElements()) {
      if (!isParagraphLike(e)) {
        continue;
      }
      String text = e.text();
      int len = text.length();
      if (len < MIN_PARAGRAPH) {
        continue;
      }
      double score = 1 + countCommas(text) + Math.min(len / 100, 3);
      Element ancestor = e.parent();
      for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++) {
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        scores.merge(ancestor, initialScore(ancestor) + score / divider, (a, b) -> a + score / divider);
        ancestor = ancestor.parent();
      }
    }
    Element top = null;
    double topScore = 0;
    for (Map.Entry<Element, Double> en : scores.entrySet()) {
      double s = en.getValue() * (1 - stats.linkDensity(en.getKey()));
      en.setValue(s);
      if (top == null || s > topScore) {
        top = en.getKey();
        topScore = s;
      }
    }
    if (top == null) {
      return List.of();
    }
    top = promoteToSharedAncestor(top, topScore, body);
    top = climbWhileParentScoresHigher(top, body);
    return withSiblings(top);
  }

  private boolean isParagraphLike(Element e) {
    if (PARAGRAPH_TAGS.contains(e.normalName())) {
      return true;
    }
    if (!e.nameIs("div") && !e.nameIs("section") && !e.nameIs("span")) {
      return false;
    }
    boolean hasOwnText = false;
    for (Node child : e.childNodes()) {
      if (child instanceof Element c && BLOCK_CHILDREN.contains(c.normalName())) {
        if (!c.nameIs("a")) {
          return false;
        }
      } else if (child instanceof TextNode t && !t.isBlank()) {
        hasOwnText = true;
      }
    }
    return hasOwnText && !e.nameIs("span");
  }

  private static double initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    if ("articleBody".equals(e.attr("itemprop"))) {
      s += 50;
    }
    return s + NamePatterns.weight(e);
  }

  /** When several near-best candidates share an ancestor, the story is spread over that ancestor. */
  private Element promoteToSharedAncestor(Element top, double topScore, Element body) {
    List<Element> alternatives = new ArrayList<>();
    for (Map.Entry<Element, Double> en : scores.entrySet()) {
      if (en.getKey() != top && en.getValue() >= topScore * 0.75) {
        alternatives.add(en.getKey());
      }
    }
    if (alternatives.size() < 3) {
      return top;
    }
    for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
      int containing = 0;
      for (Element alt : alternatives) {
        if (isAncestor(parent, alt)) {
          containing++;
        }
      }
      if (containing >= 3) {
        return parent;
      }
    }
    return top;
  }

  private Element climbWhileParentScoresHigher(Element top, Element body) {
    double last = scores.getOrDefault(top, 0.0);
    double threshold = last / 3;
    for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
      Double ps = scores.get(parent);
      if (ps == null) {
        continue;
      }
      if (ps < threshold) {
        break;
      }
      if (ps > last) {
        return parent;
      }
      last = ps;
    }
    return top;
  }

  private List<Element> withSiblings(Element top) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double topScore = scores.getOrDefault(top, 0.0);
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> out = new ArrayList<>();
    for (Element sib : parent.children()) {
      if (sib == top) {
        out.add(sib);
        continue;
      }
      double bonus = !top.className().isEmpty() && top.className().equals(sib.className()) ? topScore * 0.2 : 0;
      Double s = scores.get(sib);
      if (s != null && s + bonus >= threshold) {
        out.add(sib);
      } else if (sib.nameIs("p")) {
        int len = stats.textLength(sib);
        double ld = stats.linkDensity(sib);
        String text = sib.text();
        if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0 && text.endsWith("."))) {
          out.add(sib);
        }
      }
    }
    return out;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static int countCommas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }
}

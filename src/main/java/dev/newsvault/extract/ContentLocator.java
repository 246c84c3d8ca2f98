package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

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
  private static final Set<String> CONTAINER_TAGS =
      Set.of("div", "section", "article", "main", "font", "center", "body");
  private static final int MIN_PARAGRAPH = 25;
  private static final int ANCESTOR_LEVELS = 5;
  /** Characters of its own text from which a list item can be a sentence of the story. */
  private static final int PROSE_ITEM = 80;

  private final TextStats stats;
  /**
   * Candidate scores in the order candidates were first voted for (document order): ties go to the first, the
   * same on every run. (jsoup elements are equal only to themselves, so a linked map keys them by identity.)
   */
  private final Map<Element, Double> scores = new java.util.LinkedHashMap<>();
  /**
   * The text of each {@code <p>} as scoring read it, for {@link StoryTail} to measure the story's run of
   * paragraphs without building every paragraph's text a second time (see {@link StoryPruner#prune}).
   */
  private final Map<Element, String> paragraphTexts = new IdentityHashMap<>();

  private ContentLocator(TextStats stats) {
    this.stats = stats;
  }

  /** The story containers in document order, or an empty list when nothing scores. */
  static List<Element> locate(Element body, TextStats stats) {
    return locate(body, stats, java.util.List.of());
  }

  /** As {@link #locate(Element, TextStats)}, knowing the page's headlines to pick among stories. */
  static List<Element> locate(Element body, TextStats stats, List<String> headlines) {
    return new ContentLocator(stats).run(body, headlines);
  }

  /**
   * The votes of one element: a paragraph, a prose list item or a block of inline text votes for its container and
   * that container's ancestors, by its length and commas. (A method of its own, so the JIT compiles it once instead
   * of with every compilation of {@link #run}'s loop.)
   */
  private void vote(Element e) {
    String text;
    Element voter;
    if (PARAGRAPH_TAGS.contains(e.normalName())) {
      text = ElementText.of(e);
      if (e.nameIs("p")) {
        paragraphTexts.put(e, text);
      }
      voter = pastList(e.parent());
    } else if (e.nameIs("li")) {
      // A list of sentences is story text (release notes, steps, FAQs); a list of links or
      // labels is navigation. Only prose-like items vote, and for the list's container.
      InlineText inline = inlineText(e);
      if (inline == null || !isProseItem(e, inline.text()) || e.parent() == null) {
        return;
      }
      text = inline.text();
      voter = e.parent().parent();
    } else if (CONTAINER_TAGS.contains(e.normalName())) {
      InlineText inline = inlineText(e);
      if (inline == null) {
        return;
      }
      text = inline.text();
      // A div of only inline content is a paragraph for its parent; loose text among blocks
      // is a paragraph of the div itself.
      voter = inline.onlyInline() ? e.parent() : e;
    } else {
      return;
    }
    int len = text.length();
    if (len < MIN_PARAGRAPH) {
      return;
    }
    // A list item is a weaker sign of the story than a paragraph.
    double score = (1 + TextShape.commas(text) + Math.min(len / 100, 3)) / (e.nameIs("li") ? 2 : 1);
    Element ancestor = voter;
    for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++) {
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      Double sofar = scores.get(ancestor); // its name is weighed once, when it first gets a vote
      scores.put(ancestor, (sofar == null ? initialScore(ancestor) : sofar) + score / divider);
      ancestor = ancestor.parent();
    }
  }

  private List<Element> run(Element body, List<String> headlines) {
    for (Element e : body.getAllElements()) {
      vote(e);
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
    Element holder = holderOfLongestParagraph(body, top);
    if (holder != null) {
      top = climbWhileParentScoresHigher(holder, body);
    }
    top = articleWithHeadline(top, headlines);
    top = declaredBody(top, body);
    List<Element> roots = withAlikeSections(withRepeatedChunks(withSiblings(top), top, body), top, body);
    roots = StoryPruner.prune(roots, stats, paragraphTexts);
    List<Element> lead = StoryLead.find(body, roots, headlines, stats);
    if (!lead.isEmpty()) {
      List<Element> all = new ArrayList<>(lead);
      all.addAll(roots);
      return all;
    }
    return roots;
  }

  /** A paragraph this long is the story's, wherever it stands. */
  private static final int LONG_PARAGRAPH = 500;

  /**
   * The best-scoring container of the page's longest paragraph, when the winner misses that paragraph
   * and holds less than twice its text: a box with a story-like name (a footer's "content" column, a
   * slideshow's caption) can outscore a story of one or two long paragraphs, but the story is where the
   * page's longest run of prose is. Null when the winner holds it, is long enough to be right anyway, or
   * has paragraphs of at least half its length (then it is a story too, and the long one is elsewhere).
   */
  private Element holderOfLongestParagraph(Element body, Element top) {
    Element longest = null;
    int longestLen = LONG_PARAGRAPH - 1;
    for (Element e : body.getAllElements()) {
      int len = stats.textLength(e);
      // Length first: it is a lookup, while asking whether a container is a paragraph builds its text.
      if (len <= longestLen || !e.nameIs("p") && !(CONTAINER_TAGS.contains(e.normalName()) && isInlineOnlyBlock(e))) {
        continue;
      }
      // A summary in a list item is a teaser of a stream of other stories, however long.
      if (stats.linkDensity(e) < 0.2 && e.closest(LIST_ITEM) == null) {
        longest = e;
        longestLen = len;
      }
    }
    if (longest == null || isAncestor(top, longest) || top == longest || stats.textLength(top) >= 2 * longestLen
        || longestParagraph(top) * 2 >= longestLen) {
      return null;
    }
    Element best = null;
    for (Element a = longest; a != null && a != body; a = a.parent()) {
      Double s = scores.get(a);
      if (s != null && (best == null || s > scores.get(best))) {
        best = a;
      }
    }
    return best;
  }

  private int longestParagraph(Element root) {
    int max = 0;
    for (Element p : root.getElementsByTag("p")) {
      max = Math.max(max, stats.textLength(p));
    }
    return max;
  }

  /**
   * Sites split long stories into chunks with the same tag and class (ads and pull quotes sit
   * between them). Other elements shaped exactly like the winner are added when they read like
   * prose, in document order.
   */
  private List<Element> withRepeatedChunks(List<Element> roots, Element top, Element body) {
    String cls = top.className();
    // An <article> is a self-contained story by definition: same-class siblings are other stories.
    if (cls.isBlank() || top.nameIs("article")) {
      return roots;
    }
    List<Element> chunks = new ArrayList<>();
    for (Element e : body.getElementsByClass(WHITE_SPACE.split(cls.trim())[0])) {
      if (e == top || !e.normalName().equals(top.normalName()) || !sameChunkClass(e.className(), cls)) {
        continue;
      }
      if (stats.paragraphLength(e) >= 50
          && stats.linkDensity(e) < 0.35
          && !coveredBy(e, roots)
          && !hasLinkedTitle(e)) {
        chunks.add(e);
      }
    }
    if (chunks.isEmpty()) {
      return roots;
    }
    List<Element> all = new ArrayList<>(roots);
    for (Element c : chunks) {
      if (!coveredBy(c, all)) {
        all.removeIf(r -> isAncestor(c, r));
        all.add(c);
      }
    }
    return inDocumentOrder(all, body);
  }

  /** The elements sorted by their position in a pre-order walk of the body. */
  private static List<Element> inDocumentOrder(List<Element> elements, Element body) {
    Map<Element, Integer> order = new IdentityHashMap<>();
    int i = 0;
    for (Element e : body.getAllElements()) {
      order.put(e, i++);
    }
    elements.sort((a, b) -> Integer.compare(order.getOrDefault(a, 0), order.getOrDefault(b, 0)));
    return elements;
  }

  /** The same class, or the same but for numbers ("story-body-1", "story-body-2" number a story's chunks). */
  private static boolean sameChunkClass(String a, String b) {
    return a.equals(b) || DIGITS.matcher(a).replaceAll("#").equals(DIGITS.matcher(b).replaceAll("#"));
  }

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Evaluator LIST_ITEM = QueryParser.parse("li");

  /**
   * A chunk under a linked h1 is another story (the next post of a listing); an h1 of plain text
   * is a section title of this one, as long-form publishers mark them up.
   */
  private static final Evaluator LINK = QueryParser.parse("a[href]");
  private static final Evaluator H1_H2 = QueryParser.parse("h1, h2");

  private static boolean hasLinkedTitle(Element e) {
    for (Element h : e.getElementsByTag("h1")) {
      if (h.selectFirst(LINK) != null || h.closest(LINK) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean coveredBy(Element e, List<Element> roots) {
    for (Element r : roots) {
      if (r == e || isAncestor(r, e)) {
        return true;
      }
    }
    return false;
  }

  private record InlineText(String text, boolean onlyInline) {}

  /** The text of an element's inline children and loose text nodes, or null when there is none. */
  private InlineText inlineText(Element e) {
    StringBuilder sb = null;
    boolean onlyInline = true;
    for (int i = 0, size = e.childNodeSize(); i < size; i++) {
      Node child = e.childNode(i);
      if (child instanceof TextNode t) {
        if (!t.isBlank()) {
          sb = sb == null ? new StringBuilder() : sb;
          NodeText.append(sb, t.getWholeText(), Integer.MAX_VALUE); // t.text(), appended in place
        }
      } else if (child instanceof Element c) {
        if (BLOCK_CHILDREN.contains(c.normalName()) && !c.nameIs("a")) {
          onlyInline = false;
        } else if (stats.textLength(c) > 0 && !c.nameIs("br")) {
          if (sb != null || stats.textLength(c) > 0) {
            sb = sb == null ? new StringBuilder() : sb;
            sb.append(' ').append(c.text());
          }
        }
      }
    }
    return sb == null ? null : new InlineText(sb.toString().trim(), onlyInline);
  }

  /**
   * A paragraph inside a list item (a feature card, a step) speaks for the list's container: a
   * list item or list is never the story on its own.
   */
  private static Element pastList(Element voter) {
    if (voter != null && voter.nameIs("li") && voter.parent() != null) {
      return voter.parent().parent();
    }
    return voter;
  }

  /** Long enough to be a sentence, shaped like one, and not mostly link text. */
  private boolean isProseItem(Element li, String text) {
    return text.length() >= PROSE_ITEM && stats.linkDensity(li) < 0.3 && TextShape.hasSentencePunctuation(text);
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
        return itemsOfOneList(parent, alternatives);
      }
    }
    return top;
  }

  /**
   * When the shared ancestor is one item of a list of same-shaped items that each hold a near-best candidate
   * (the posts of a forum thread), the story is the list: a thread is all its posts, not the longest one.
   */
  private static Element itemsOfOneList(Element shared, List<Element> alternatives) {
    for (Element item = shared; item != null && item.parent() != null; item = item.parent()) {
      int alike = 0;
      for (Element sib : item.parent().children()) {
        if (sib != item && sib.normalName().equals(item.normalName()) && sib.className().equals(item.className())
            && alternatives.stream().anyMatch(a -> isAncestor(sib, a))) {
          alike++;
        }
      }
      if (alike >= 2) {
        return item.parent();
      }
      if (item.nameIs("body")) {
        break;
      }
    }
    return shared;
  }

  /**
   * On pages listing several {@code <article>}s (a post followed by more posts), the page's own
   * story is the one carrying its headline, even when a longer one outscores it.
   */
  private static Element articleWithHeadline(Element top, List<String> headlines) {
    if (!top.nameIs("article") || top.parent() == null || headlines.isEmpty() || hasHeadline(top, headlines)) {
      return top;
    }
    for (Element sib : top.parent().children()) {
      if (sib != top && sib.nameIs("article") && hasHeadline(sib, headlines)) {
        return sib;
      }
    }
    return top;
  }

  private static boolean hasHeadline(Element e, List<String> headlines) {
    for (Element h : e.select(H1_H2)) {
      String norm = TextShape.key(h.text());
      for (String headline : headlines) {
        if (!norm.isEmpty() && norm.equals(TextShape.key(headline))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The page says where its story is: a winner inside the declared article body stands for all of it. */
  private static Element declaredBody(Element top, Element body) {
    for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
      if ("articleBody".equals(p.attr("itemprop"))) {
        return p;
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
    Set<String> topShingles = null;
    for (Element sib : parent.children()) {
      if (sib == top) {
        out.add(sib);
        continue;
      }
      if (top.nameIs("article") && sib.nameIs("article")) {
        continue; // another self-contained story, e.g. the next post of a feed
      }
      double bonus = !top.className().isEmpty() && top.className().equals(sib.className()) ? topScore * 0.2 : 0;
      Double s = scores.get(sib);
      if (s != null && s + bonus >= threshold) {
        topShingles = topShingles == null ? Shingles.of(top.text()) : topShingles;
        if (!restates(sib.text(), topShingles)) {
          out.add(sib);
        }
      } else if (sib.nameIs("p") || isInlineOnlyBlock(sib)) {
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

  /** Levels above the winner where a page builder's section wrapper may sit. */
  private static final int SECTION_LEVELS = 5;
  /** Paragraph characters (not counting white space) from which a section alike the story's is more of it. */
  private static final int SECTION_PROSE = 100;

  /**
   * Page builders (Drupal paragraphs, Divi, Elementor) wrap each section of a page in the same wrapper, and the
   * winner is the inside of one of them. Sections in wrappers alike the winner's (same tag and class), a few
   * levels up, that hold prose of their own with few links, are more of the same page, in document order.
   */
  private List<Element> withAlikeSections(List<Element> roots, Element top, Element body) {
    Element wrapper = top;
    for (int level = 0; level < SECTION_LEVELS && wrapper.parent() != null && wrapper.parent() != body; level++) {
      wrapper = wrapper.parent();
      String cls = wrapper.className();
      if (cls.isBlank()) {
        continue;
      }
      List<Element> alike = new ArrayList<>();
      for (Element sib : wrapper.parent().children()) {
        if (sib != wrapper && sib.normalName().equals(wrapper.normalName()) && sib.className().equals(cls)
            && !coveredBy(sib, roots) && roots.stream().noneMatch(r -> isAncestor(sib, r))
            && stats.paragraphLength(sib) >= SECTION_PROSE && stats.linkDensity(sib) < 0.25 && !hasLinkedTitle(sib)) {
          alike.add(sib);
        }
      }
      if (alike.isEmpty()) {
        continue;
      }
      List<Element> all = new ArrayList<>(roots);
      all.addAll(alike);
      return inDocumentOrder(all, body);
    }
    return roots;
  }

  /**
   * True when a block mostly says again what the story says: a "key points" or summary box next
   * to the story. Judged by shared runs of four words, so it needs no phrase list.
   */
  private static boolean restates(String text, Set<String> storyShingles) {
    Set<String> own = Shingles.of(text);
    return own.size() >= 8 && Shingles.share(own, storyShingles) >= 0.25;
  }

  /** A div holding only phrasing content: a paragraph in all but name (often the lead). */
  private boolean isInlineOnlyBlock(Element e) {
    if (!e.nameIs("div") && !e.nameIs("section")) {
      return false;
    }
    InlineText inline = inlineText(e);
    return inline != null && inline.onlyInline();
  }

  static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }
}

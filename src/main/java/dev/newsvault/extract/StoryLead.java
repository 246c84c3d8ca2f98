package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the lead (standfirst, deck, excerpt) that sits between the headline and the story body. Sites
 * put it in the article's header, beside the title, where the body's container does not reach; yet it
 * is the story's first paragraph to a reader. Judged by position and shape, not names: below the page's
 * headline, above the chosen body, inside the same article container, written as sentences and not a
 * link.
 */
final class StoryLead {

  private static final Set<String> LEAD_TAGS = Set.of("p", "h2", "h3", "h4", "div", "span");
  private static final Set<String> BLOCK_TAGS =
      Set.of("p", "div", "section", "article", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6",
          "figure", "header", "blockquote", "pre", "form");
  /** A lead says something: this many words at least. */
  private static final int MIN_WORDS = 8;
  /** Words from which a heading below the headline is a deck, not a section title. */
  private static final int DECK_WORDS = 12;
  /** A lead is a paragraph or two; more text between headline and body is something else. */
  private static final int MAX_BLOCKS = 3;
  private static final int MAX_CHARS = 1200;
  private static final Evaluator LINK = QueryParser.parse("a");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  private StoryLead() {}

  /**
   * The lead's blocks in document order, to be put before the roots; empty when the headline is inside
   * the roots, not found, or nothing between it and the body reads as a lead.
   */
  static List<Element> find(Element body, List<Element> roots, List<String> headlines, TextStats stats) {
    if (roots.isEmpty() || headlines.isEmpty()) {
      return List.of();
    }
    Element first = roots.get(0);
    Element headline = headlineBefore(body, first, headlines);
    if (headline == null) {
      return List.of();
    }
    Element shared = sharedAncestor(headline, first);
    if (shared == null || shared == body || shared.nameIs("html") || shared.nameIs("body")) {
      return List.of();
    }
    List<Element> leads = new ArrayList<>();
    int chars = 0;
    boolean after = false;
    for (Element e : shared.getAllElements()) {
      if (e == headline) {
        after = true;
        continue;
      }
      if (e == first) {
        break;
      }
      if (!after || ContentLocator.isAncestor(headline, e) || ContentLocator.isAncestor(e, first)
          || insideAny(e, leads)) {
        continue;
      }
      if (!LEAD_TAGS.contains(e.normalName()) || hasBlockChild(e) || e.closest(LINK) != null) {
        continue;
      }
      String text = e.text().trim();
      if (!readsAsLead(e, text, stats) || inClosableBox(e, headline, shared)) {
        continue;
      }
      leads.add(e);
      chars += text.length();
      if (leads.size() > MAX_BLOCKS || chars > MAX_CHARS) {
        return List.of();
      }
    }
    return leads;
  }

  /**
   * Sentences, not a label or a link: enough words, a statement's end (a deck set as a long heading may do without
   * one), few links, and punctuation inside unless it is long.
   */
  private static boolean readsAsLead(Element e, String text, TextStats stats) {
    int words = TextShape.words(text);
    boolean deck = e.normalName().startsWith("h") && words >= DECK_WORDS;
    if (words < MIN_WORDS || !TextShape.endsStatement(text) && !deck || stats.linkDensity(e) > 0.2) {
      return false;
    }
    return words >= 15 || TextShape.hasSentencePunctuation(text.substring(0, text.length() - 1));
  }

  /** Accessible names of a control that closes a box, in the languages of the fixtures and the web's largest. */
  private static final Set<String> CLOSE_LABELS =
      Set.of("close", "dismiss", "schließen", "fermer", "cerrar", "chiudi", "sluiten", "fechar", "zamknij", "×");

  /**
   * Whether the element sits in a box the reader can close (a chat or app pitch, a notice, a pop-up): a box apart
   * from the headline with a close control of its own among its children or theirs. Whatever such a box says, it
   * lies over the story, not at its start.
   */
  private static boolean inClosableBox(Element e, Element headline, Element shared) {
    for (Element box = e.parent(); box != null && box != shared; box = box.parent()) {
      if (ContentLocator.isAncestor(box, headline)) {
        return false;
      }
      for (Element child : box.children()) {
        if (closes(child)) {
          return true;
        }
        for (Element grandchild : child.children()) {
          if (closes(grandchild)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** A close control: named "close" or "dismiss" by a class or id word, or by its label or its only text. */
  private static boolean closes(Element e) {
    String label = e.attr("aria-label").strip().toLowerCase(java.util.Locale.ROOT);
    if (CLOSE_LABELS.contains(label)) {
      return true;
    }
    String names = (e.attr("class") + " " + e.id()).toLowerCase(java.util.Locale.ROOT);
    for (String word : NOT_WORD.split(names)) {
      if (word.equals("close") || word.equals("dismiss")) {
        return true;
      }
    }
    String own = e.ownText().strip();
    return (own.equals("×") || own.equals("✕") || own.equals("✖")) && e.childrenSize() == 0;
  }

  /** The element giving the page's headline that comes last before the body, outside it. */
  private static Element headlineBefore(Element body, Element first, List<String> headlines) {
    List<String> keys = new ArrayList<>();
    for (String h : headlines) {
      String k = TextShape.key(h);
      if (k.length() >= 8) {
        keys.add(k);
      }
    }
    Element found = null;
    for (Element e : body.getAllElements()) {
      if (e == first) {
        break;
      }
      if ((e.nameIs("h1") || e.nameIs("h2")) && isHeadline(TextShape.key(e.text()), keys)) {
        found = e;
      }
    }
    return found;
  }

  /** The headline itself, or the title the page declares with the site's name after it. */
  private static boolean isHeadline(String key, List<String> headlineKeys) {
    if (key.length() < 8) {
      return false;
    }
    for (String k : headlineKeys) {
      if (k.equals(key) || key.length() >= 16 && k.startsWith(key)) {
        return true;
      }
    }
    return false;
  }

  private static Element sharedAncestor(Element a, Element b) {
    for (Element p = a.parent(); p != null; p = p.parent()) {
      if (ContentLocator.isAncestor(p, b)) {
        return p;
      }
    }
    return null;
  }

  private static boolean insideAny(Element e, List<Element> found) {
    for (Element f : found) {
      if (ContentLocator.isAncestor(f, e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBlockChild(Element e) {
    for (int i = 0, size = e.childNodeSize(); i < size; i++) {
      if (e.childNode(i) instanceof Element c && BLOCK_TAGS.contains(c.normalName())) {
        return true;
      }
    }
    return false;
  }
}

package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * The elements of an untouched page that its metadata is read from, found in one walk instead of a
 * walk per selector: meta tags, JSON-LD scripts, the first h1, canonical link and time element,
 * microdata, author links and the first candidates for a visible date line; and how deep the page is
 * nested. Each element is judged by the same jsoup selector as before, so what is found is exactly
 * what {@code select} would find, in page order; the walk only skips elements that cannot match
 * (wrong tag, no such attribute). Built once per page, before anything changes the page.
 */
final class PageIndex {

  static final Evaluator LD_JSON = QueryParser.parse("script[type=application/ld+json]");
  static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical]");
  static final Evaluator OG_TYPE = QueryParser.parse("meta[property=og:type]");
  static final Evaluator AUTHOR = QueryParser.parse("[itemprop=author]");
  static final Evaluator DATE_PUBLISHED = QueryParser.parse("[itemprop=datePublished]");
  static final Evaluator DATE_MODIFIED = QueryParser.parse("[itemprop=dateModified]");
  static final Evaluator AUTHOR_LINK = QueryParser.parse("a[rel=author], .author-name, .byline-name");
  static final Evaluator TIME = QueryParser.parse("time[datetime]");

  /** How many elements that may hold a visible date line are kept: it is looked for near the top. */
  static final int DATE_LINE_CANDIDATES = 1000;
  /** How many elements that name a date in their tag, class or id are kept ({@link VisibleDates}). */
  static final int DATED_ELEMENTS = 300;

  /** How many elements before and after the h1 are kept as the headline's neighbours. */
  static final int BEFORE_HEADLINE = 12;
  static final int AFTER_HEADLINE = 40;

  /** How many h1-h3 elements get their neighbours kept: the story's is not always the first h1. */
  static final int HEADLINES = 12;

  /** How many inline scripts are kept for {@link ScriptDates} (which also bounds the characters read). */
  static final int APP_SCRIPTS = 100;

  /** An element and its place in page order. */
  record Spot(Element element, int order) {}

  /** An h1, h2 or h3, its place in page order and the elements just before and after it. */
  record Headline(Element element, int order, List<Spot> near) {}

  final List<Element> metas = new ArrayList<>();
  final List<Element> ldScripts = new ArrayList<>();
  /** The first {@value #APP_SCRIPTS} inline scripts that are not JSON-LD, where app state keeps dates. */
  final List<Element> appScripts = new ArrayList<>();
  final List<Element> authors = new ArrayList<>();
  /** {@code a[rel=author], .author-name, .byline-name}, in page order. */
  final List<Element> authorLinks = new ArrayList<>();
  /** The first {@value #DATE_LINE_CANDIDATES} {@code p, span, div, small, em, time} elements. */
  final List<Element> dateLineCandidates = new ArrayList<>();
  /** Elements a date is shown in: time, abbr, and those whose class, id or property names a date. */
  final List<Spot> datedElements = new ArrayList<>();
  /** The first {@value #HEADLINES} h1-h3 elements with their neighbours, where a date line sits. */
  final List<Headline> headlines = new ArrayList<>();
  private final java.util.ArrayDeque<Spot> recent = new java.util.ArrayDeque<>();
  Element h1;
  /** The page-order place of {@link #h1}, or -1. */
  int h1Order = -1;
  private int order;
  /** The first {@code time} element with a {@code datetime}. */
  Element time;
  Element canonical;
  Element ogType;
  Element datePublished;
  Element dateModified;
  /** The depth of the deepest element, the document itself being 0. */
  int depth;

  private PageIndex() {}

  static PageIndex of(Document doc) {
    PageIndex index = new PageIndex();
    NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
      if (node instanceof Element e) {
        index.depth = Math.max(index.depth, depth);
        index.add(doc, e);
      }
    }, doc);
    return index;
  }

  private void add(Document root, Element e) {
    order++;
    if (datedElements.size() < DATED_ELEMENTS && VisibleDates.mayShowDate(e)) {
      datedElements.add(new Spot(e, order));
    }
    Spot spot = new Spot(e, order);
    for (Headline h : headlines) {
      if (order - h.order() <= AFTER_HEADLINE) {
        h.near().add(spot);
      }
    }
    if (isHeading(e.normalName()) && headlines.size() < HEADLINES) {
      headlines.add(new Headline(e, order, new ArrayList<>(recent)));
    }
    recent.addLast(spot);
    if (recent.size() > BEFORE_HEADLINE) {
      recent.removeFirst();
    }
    switch (e.normalName()) {
      case "meta" -> {
        metas.add(e);
        if (ogType == null && OG_TYPE.matches(root, e)) {
          ogType = e;
        }
      }
      case "script" -> {
        if (LD_JSON.matches(root, e)) {
          ldScripts.add(e);
        } else if (appScripts.size() < APP_SCRIPTS && !e.hasAttr("src")) {
          appScripts.add(e);
        }
      }
      case "h1" -> {
        if (h1 == null) {
          h1 = e;
          h1Order = order;
        }
      }
      case "link" -> {
        if (canonical == null && CANONICAL.matches(root, e)) {
          canonical = e;
        }
      }
      case "time" -> {
        if (time == null && TIME.matches(root, e)) {
          time = e;
        }
        dateLineCandidate(e);
      }
      case "p", "span", "div", "small", "em" -> dateLineCandidate(e);
      default -> { }
    }
    if (e.attributesSize() == 0) {
      return;
    }
    // It has attributes: asked of them as hasAttr() asks, without its check for an "abs:" name on every call.
    Attributes attributes = e.attributes();
    if ((e.nameIs("a") && attributes.hasKeyIgnoreCase("rel") || hasNameClass(attributes))
        && AUTHOR_LINK.matches(root, e)) {
      authorLinks.add(e);
    }
    if (attributes.hasKeyIgnoreCase("itemprop")) {
      if (AUTHOR.matches(root, e)) {
        authors.add(e);
      }
      if (datePublished == null && DATE_PUBLISHED.matches(root, e)) {
        datePublished = e;
      }
      if (dateModified == null && DATE_MODIFIED.matches(root, e)) {
        dateModified = e;
      }
    }
  }

  /** How many elements the page has. */
  int elements() {
    return order;
  }

  private static boolean isHeading(String tag) {
    return tag.equals("h1") || tag.equals("h2") || tag.equals("h3");
  }

  /** Whether a class token may be one of {@link #AUTHOR_LINK}'s two class names, in any case. */
  private static boolean hasNameClass(Attributes attributes) {
    String cls = attributes.getIgnoreCase("class");
    for (int i = cls.indexOf('-'); i >= 0; i = cls.indexOf('-', i + 1)) {
      // "author" and "byline" are both six letters before the hyphen
      if (cls.regionMatches(true, i - 6, "author-name", 0, 11)
          || cls.regionMatches(true, i - 6, "byline-name", 0, 11)) {
        return true;
      }
    }
    return false;
  }

  private void dateLineCandidate(Element e) {
    if (dateLineCandidates.size() < DATE_LINE_CANDIDATES) {
      dateLineCandidates.add(e);
    }
  }
}

package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Recognises section fronts, tag pages and home pages: pages whose extracted "text" is a run of teaser
 * summaries, each standing under a headline that links to the story. Such a page is not an article, and
 * the extractor returns no text for it, so the crawl does not archive it as one. Pages that declare
 * themselves articles (JSON-LD article types, {@code og:type=article}) are never judged by this.
 */
final class TeaserList {

  /** At least this many extracted paragraphs must be teaser summaries... */
  private static final int MIN_TEASERS = 3;
  /** ...and they must make up at least half of the extracted paragraphs. */
  private static final int MIN_SHARE_PERCENT = 50;
  /** Shorter paragraphs are not distinctive enough to count... */
  private static final int MIN_SUMMARY_CHARS = 20;

  /** ...and longer ones are story paragraphs (a listicle's), not a teaser's one or two sentences. */
  private static final int MAX_SUMMARY_CHARS = 400;
  // compiled once: String.matches and split compile their pattern on every call
  private static final Pattern HEADING = Pattern.compile("h[1-6]");

  private static final Evaluator LINK = QueryParser.parse("a[href]");

  private TeaserList() {}

  /** True when the page says it is an article, so teaser detection does not apply. */
  static boolean declaresArticle(PageIndex index, JsonLd ld) {
    if (ld.article() != null) {
      return true;
    }
    Element og = index.ogType;
    return og != null && og.attr("content").trim().toLowerCase(java.util.Locale.ROOT).startsWith("article");
  }

  /**
   * The texts of paragraphs that follow a headline linking to another page of the same site, in the same
   * container: the summaries of teasers. (A roundup that links its headings to shops or other sites is an
   * article.) Read before cleaning, since cleaning changes the document.
   */
  static Set<String> summaries(Element body) {
    Set<String> out = new HashSet<>();
    if (body == null) {
      return out;
    }
    // the subheadings and list items, each in page order, found in one walk instead of a select for each
    List<Element> subheadings = new ArrayList<>();
    List<Element> items = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof Element e) {
        switch (e.normalName()) {
          case "h2", "h3", "h4", "h5", "h6" -> subheadings.add(e);
          case "li" -> items.add(e);
          default -> { }
        }
      }
    }, body);
    for (Element h : subheadings) {
      Element anchor = h.parent() != null && h.parent().normalName().equals("a") ? h.parent() : h;
      Element link = anchor != h ? anchor : h.selectFirst(LINK);
      if (link == null || !sameSite(link, body)) {
        continue;
      }
      addSummaries(anchor, out);
    }
    // A list of teasers without heading markup: each item opens with the linked headline, and the
    // summary follows it in the item. The headline counts too, since nothing else marks it.
    for (Element item : items) {
      Element first = item.firstElementChild();
      if (first == null || !first.nameIs("a") || !first.hasAttr("href") || !sameSite(first, body)
          || first.nextElementSibling() == null || startsWithText(item)) {
        continue;
      }
      String headline = normalise(ElementText.of(first));
      if (addSummaries(first, out) && !headline.isEmpty()) {
        out.add(headline);
      }
    }
    return out;
  }

  /** True when the item has words before its first element: the link is inside a sentence, not its headline. */
  private static boolean startsWithText(Element item) {
    for (int i = 0, size = item.childNodeSize(); i < size; i++) {
      org.jsoup.nodes.Node n = item.childNode(i);
      if (n instanceof Element) {
        return false;
      }
      if (n instanceof org.jsoup.nodes.TextNode t && !t.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** Adds the summary paragraphs after a teaser's headline; true when there was one. */
  private static boolean addSummaries(Element anchor, Set<String> out) {
    boolean added = false;
    Element next = anchor.nextElementSibling();
    for (int i = 0; i < 2 && next != null; i++, next = next.nextElementSibling()) {
      String text = normalise(ElementText.of(next));
      if (HEADING.matcher(next.normalName()).matches()) {
        break;
      }
      if (text.length() >= MIN_SUMMARY_CHARS && text.length() <= MAX_SUMMARY_CHARS) {
        out.add(text);
        added = true;
      }
    }
    return added;
  }

  /** True when the extracted text is mostly teaser summaries. */
  static boolean isListing(Set<String> summaries, String text) {
    if (summaries.size() < MIN_TEASERS || text.isBlank()) {
      return false;
    }
    List<String> paragraphs = paragraphs(text);
    int teasers = 0;
    for (String p : paragraphs) {
      if (summaries.contains(normalise(p))) {
        teasers++;
      }
    }
    return teasers >= MIN_TEASERS && teasers * 100 >= paragraphs.size() * MIN_SHARE_PERCENT;
  }

  /**
   * The text split at each blank line ("\n\n", left to right, not overlapping), trailing empty parts dropped: what
   * {@code Pattern.compile("\n\n").split(text)} returns, without running a regular expression over the whole text.
   */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int at = text.indexOf("\n\n"); at >= 0; at = text.indexOf("\n\n", from)) {
      out.add(text.substring(from, at));
      from = at + 2;
    }
    if (from == 0) {
      return List.of(text); // no break: the text itself, even when empty
    }
    out.add(text.substring(from));
    int size = out.size();
    while (size > 0 && out.get(size - 1).isEmpty()) {
      size--;
    }
    return out.subList(0, size);
  }

  /** A relative link, or an absolute one to the page's own host (when the page's address is known). */
  private static boolean sameSite(Element link, Element body) {
    String href = link.attr("href").trim();
    if (href.isEmpty() || href.startsWith("#") || href.startsWith("javascript:") || href.startsWith("mailto:")) {
      return false;
    }
    if (!isAbsolute(href)) {
      return true;
    }
    String base = body.ownerDocument() == null ? "" : body.ownerDocument().location();
    try {
      String pageHost = java.net.URI.create(base).getHost();
      String linkHost = java.net.URI.create(href.startsWith("//") ? "http:" + href : href).getHost();
      return pageHost == null || linkHost != null && strip(linkHost).equals(strip(pageHost));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether the link matches {@code (?i)^(https?:)?//.*}: an optional http or https scheme (ASCII letters in any
   * case), two slashes, and no line terminator after them ({@code .} matches none), without running the pattern
   * for every link of every page.
   */
  static boolean isAbsolute(String href) {
    int at = startsWithAscii(href, "https:") ? 6 : startsWithAscii(href, "http:") ? 5 : 0;
    if (!href.startsWith("//", at)) {
      return false;
    }
    for (int i = at + 2; i < href.length(); i++) {
      char c = href.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} starts with the lower-case ASCII {@code prefix}, ASCII letters in any case. */
  private static boolean startsWithAscii(String s, String prefix) {
    if (s.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String strip(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /** As {@code s.replaceAll("\\s+", " ").trim()}, copying only a text that has a run of white space to fold. */
  static String normalise(String s) {
    return hasWhiteSpaceToFold(s) ? fold(s) : s.trim();
  }

  /** Whether {@code s} holds white space other than single spaces: nearly every extracted paragraph holds none. */
  private static boolean hasWhiteSpaceToFold(String s) {
    boolean afterSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        if (c != ' ' || afterSpace) {
          return true;
        }
        afterSpace = true;
      } else {
        afterSpace = false;
      }
    }
    return false;
  }

  private static String fold(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      int end = i + 1;
      while (end < s.length() && isSpace(s.charAt(end))) {
        end++;
      }
      if (b == null && (end - i > 1 || c != ' ')) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(' ');
      }
      i = end - 1;
    }
    return (b == null ? s : b.toString()).trim();
  }

  /** The characters of {@code \s}. */
  private static boolean isSpace(char c) {
    return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r');
  }
}

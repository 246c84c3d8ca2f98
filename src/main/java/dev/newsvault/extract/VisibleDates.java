package dev.newsvault.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The dates a reader sees on the page: {@code <time>} elements (their {@code datetime}, else their
 * text), microformat timestamps ({@code abbr.published[title]}), microdata and RDFa properties on
 * visible elements, and short texts in elements whose class or id names a date ("post-date",
 * "datum", "byline") or that say "Published …" in the page's language. Dates inside comments,
 * sidebars, related-article lists, archive widgets and footers are not the story's and are skipped.
 */
final class VisibleDates {

  /** A date shown on the page, its place in page order and whether it says it is an update. */
  record Shown(DateCandidate candidate, int order, boolean modified) {}

  /** Class or id fragments of elements that show a date. */
  private static final String[] DATE_HINTS = {
      "date", "datum", "time", "publi", "posted", "byline", "meta", "fecha", "zeit", "created", "stamp", "author"};
  /** {@link #DATE_HINTS} asked of whole class and id values, each distinct value read once. */
  private static final ClassHints DATE_HINT_VALUES = new ClassHints(DATE_HINTS);
  /** Class or id fragments of containers whose dates are not the story's. */
  private static final String[] FOREIGN_HINTS = {
      "comment", "related", "recommend", "popular", "reply",
      "cookie", "archive", "feed-", "-feed", "newsfeed", "review", "latest", "trending",
      "tweet", "twitter", "instagram", "embed"};
  /**
   * Class or id fragments of blocks that are foreign only outside the story: inside its {@code article} or
   * {@code main}, or around its headline, a "sidebar" is the story's side column (its date, its credits)
   * and a "teaser" its lead.
   */
  private static final String[] PLACED_HINTS = {"sidebar", "teaser"};
  private static final FoldedWords UPDATE_WORDS = FoldedWords.of(
      "updat", "modif", "aktualisiert", "geändert", "mis à jour", "actualiz", "aggiornat", "обновл", "bijgewerkt",
      "zaktualiz", "güncellen", "更新");
  private static final FoldedWords PUBLISH_WORDS = FoldedWords.of(
      "publi", "posted", "veröffentlicht", "erstellt", "erschienen", "gepubliceerd", "opublikowan",
      "julkaistu", "опубликован", "yayınlan", "发布", "發佈", "公開", "게시", "입력", "dodano", "objavljeno", "közzé");
  /** Longer than this, an element's text is a paragraph, not a date line. */
  private static final int MAX_TEXT = 120;
  /** A line beside the headline longer than this is a teaser or the story's first sentence. */
  private static final int MAX_LINE = 80;
  private static final int MAX_ANCESTORS = 15;

  private VisibleDates() {}

  /** Whether an element may show a date: cheap, as it is asked of every element of the page. */
  static boolean mayShowDate(Element e) {
    String tag = e.normalName();
    if (tag.equals("time") || tag.equals("abbr")) {
      return true;
    }
    if (e.attributesSize() == 0 || tag.equals("meta") || tag.equals("script") || tag.equals("link")) {
      return false;
    }
    // It has attributes: read from them as attr() does, without its check for an "abs:" name on every miss.
    Attributes attributes = e.attributes();
    String itemprop = attributes.getIgnoreCase("itemprop");
    String property = attributes.getIgnoreCase("property");
    if ((!itemprop.isEmpty() || !property.isEmpty())
        && hasAny((itemprop + property).toLowerCase(Locale.ROOT), "date", "publish", "created", "issued")) {
      return true;
    }
    // Class and id one at a time: no hint holds a space, so none could match across the two.
    return DATE_HINT_VALUES.in(attributes.getIgnoreCase("class"))
        || DATE_HINT_VALUES.in(attributes.getIgnoreCase("id"));
  }

  /** The dates shown on the page outside comments and sidebars, in page order. */
  static List<Shown> find(PageIndex index, String language) {
    List<Shown> out = new ArrayList<>();
    for (PageIndex.Spot spot : index.datedElements) {
      Element e = spot.element();
      Shown shown = read(e, spot.order(), language);
      if (shown != null && !inForeignBlock(e)) {
        out.add(shown);
      }
    }
    return out;
  }

  private static Shown read(Element e, int order, String language) {
    String tag = e.normalName();
    String cls = (e.attr("class") + " " + e.attr("id") + " " + e.attr("itemprop") + " " + e.attr("property"))
        .toLowerCase(Locale.ROOT);
    boolean modified = hasAny(cls, "updated", "modified", "dateModified".toLowerCase(Locale.ROOT))
        && !cls.contains("publish");
    if (tag.equals("time") && e.hasAttr("datetime")) {
      String v = Dates.normalize(e.attr("datetime"), language);
      if (v != null) {
        return new Shown(new DateCandidate(v, DateSource.TIME), order, modified);
      }
    }
    if (tag.equals("abbr") && e.hasAttr("title") && hasAny(cls, "published", "updated", "dtstart")) {
      String v = Dates.normalize(e.attr("title"), language);
      if (v != null) {
        return new Shown(new DateCandidate(v, DateSource.TIME), order, modified);
      }
    }
    if (e.hasAttr("content") && (e.hasAttr("itemprop") || e.hasAttr("property"))) {
      String v = Dates.normalize(e.attr("content"), language);
      if (v != null) {
        return new Shown(new DateCandidate(v, DateSource.MICRODATA), order, modified);
      }
    }
    String text = leadingText(e);
    LocalDate d = DateText.find(text, language);
    if (d == null) {
      return null;
    }
    DateSource source = tag.equals("time") || tag.equals("abbr") ? DateSource.TIME
        : e.hasAttr("itemprop") || e.hasAttr("property") ? DateSource.MICRODATA : DateSource.TEXT;
    boolean update = modified || saysUpdated(text);
    return new Shown(new DateCandidate(d.toString(), source), order, update);
  }

  /**
   * A short line next to the headline that is only a date and a few words ("21. Januar 2022 | Mobilität",
   * "Stand: 19.10.2019 11:05 Uhr"), as news and institution pages put it above or below the h1.
   */
  static List<Shown> besideHeadline(PageIndex.Headline headline, String language) {
    List<Shown> out = new ArrayList<>();
    for (PageIndex.Spot spot : headline.near()) {
      Element e = spot.element();
      String tag = e.normalName();
      if (tag.equals("a") || tag.equals("script") || tag.equals("style") || tag.equals("h1") || hasBlocks(e)) {
        continue; // a line is not a container of blocks (a comment section, a sidebar)
      }
      String text = shortText(e);
      if (text == null || text.length() > MAX_LINE) {
        continue;
      }
      LocalDate d = DateText.find(text, language);
      // Its own class may call it a "teaser-meta"; next to the headline it is the story's line.
      boolean foreignTag = tag.equals("aside") || tag.equals("nav") || tag.equals("footer");
      if (d != null && !foreignTag && (e.parent() == null || !inForeignBlock(e.parent(), headline.element()))) {
        boolean update = saysUpdated(text);
        out.add(new Shown(new DateCandidate(d.toString(), DateSource.TEXT), spot.order(), update));
      }
    }
    return out;
  }

  /** The words of a label that names the date beside it. */
  private static final String[] LABELS = {
      "publi", "veröffentlicht", "erschienen", "datum", "date", "fecha", "data", "дата", "tarih", "en ligne",
      "日期", "날짜"};
  private static final FoldedWords LABEL_WORDS = FoldedWords.of(LABELS);
  /** A label that names the date beside it: "Datum", "Mise en ligne", "Published". */
  private static final Pattern DATE_LABEL =
      Pattern.compile("(?iu)^[\\p{L} ]{0,20}(" + String.join("|", LABELS) + ")[\\p{L} ]{0,20}:?$");
  private static final int MAX_LABEL = 30;

  /**
   * The page's first "Veröffentlicht am 16.12.2012" line in an element with no telling class, and its first date
   * in the element after a label that names it ("Datum | 25.01.2022"), among the first elements of the page:
   * {@code {published, labelled}}, either null. One pass reads each element's own text once for both.
   */
  static DateCandidate[] dateLines(PageIndex index, String language) {
    DateCandidate published = null;
    DateCandidate labelled = null;
    for (Element e : index.dateLineCandidates) {
      if (published != null && labelled != null) {
        break;
      }
      int kept = ownKept(e, MAX_TEXT);
      if (kept == 0 || kept > MAX_TEXT) {
        continue; // nothing of its own (a wrapper: no letter, so no word of a label), or a paragraph
      }
      String own = e.ownText();
      if (published == null) {
        published = publishedLine(e, own, language);
      }
      if (labelled == null && kept <= MAX_LABEL) {
        labelled = labelled(e, own.trim(), language);
      }
    }
    return new DateCandidate[] {published, labelled};
  }

  private static DateCandidate labelled(Element e, String own, String language) {
    if (own.length() < 4 || own.length() > MAX_LABEL) {
      return null;
    }
    String folded = FoldedWords.fold(own);
    // The label's words first: the pattern matches only where one of them is.
    if (!LABEL_WORDS.inFolded(folded) || !DATE_LABEL.matcher(own).matches() || UPDATE_WORDS.inFolded(folded)) {
      return null;
    }
    Element value = e.nextElementSibling();
    String text = value == null ? null : shortText(value);
    LocalDate d = text == null || text.length() > MAX_LINE ? null : DateText.find(text, language);
    return d != null && !inForeignBlock(e) ? new DateCandidate(d.toString(), DateSource.TEXT) : null;
  }

  private static DateCandidate publishedLine(Element e, String own, String language) {
    if (own.length() < 8 || own.length() > MAX_TEXT) {
      return null;
    }
    String folded = FoldedWords.fold(own);
    if (!PUBLISH_WORDS.inFolded(folded) || UPDATE_WORDS.inFolded(folded)) {
      return null;
    }
    LocalDate d = DateText.find(own, language);
    return d != null && !inForeignBlock(e) ? new DateCandidate(d.toString(), DateSource.TEXT) : null;
  }

  /** "Updated: 2023-11-07", "Zuletzt geändert am 15.10.2021": the word before the first number says so. */
  private static boolean saysUpdated(String text) {
    int digit = 0;
    while (digit < text.length() && !Character.isDigit(text.charAt(digit))) {
      digit++;
    }
    String before = text.substring(0, digit);
    String folded = FoldedWords.fold(before);
    return UPDATE_WORDS.inFolded(folded) && !PUBLISH_WORDS.inFolded(folded);
  }

  /** The element's text if it is short, else its own text if that is; null for a paragraph. */
  private static String shortText(Element e) {
    StringBuilder sb = new StringBuilder();
    if (appendText(e, sb)) {
      return sb.toString();
    }
    if (ownTextLongerThan(e, MAX_TEXT)) {
      return null;
    }
    String own = e.ownText();
    return own.length() <= MAX_TEXT ? own : null;
  }

  /**
   * Whether {@link Element#ownText()} is certainly longer than {@code max}: its text nodes hold more than
   * {@code max} characters that its white space folding and trimming keep (above U+0020, not white space, not
   * invisible). Most date-line candidates are paragraphs; this tells them apart without building their text.
   */
  private static boolean ownTextLongerThan(Element e, int max) {
    return ownKept(e, max) > max;
  }

  /** The characters of the element's own text that {@link #ownTextLongerThan} counts, up to {@code max + 1}. */
  private static int ownKept(Element e, int max) {
    int kept = 0;
    for (int n = 0, size = e.childNodeSize(); n < size; n++) {
      if (e.childNode(n) instanceof TextNode t) {
        String s = t.getWholeText();
        for (int i = 0; i < s.length(); i++) {
          char ch = s.charAt(i);
          if (ch > ' ' && ch != '\u00A0' && ch != '\u200B' && ch != '\u00AD' && ++kept > max) {
            return kept;
          }
        }
      }
    }
    return kept;
  }

  /** The start of the element's text: where a meta line states its date ("Posted on …, by …"). */
  private static String leadingText(Element e) {
    StringBuilder sb = new StringBuilder();
    appendText(e, sb);
    return sb.length() > MAX_TEXT ? sb.substring(0, MAX_TEXT) : sb.toString();
  }

  /** Appends the text under a node, giving up (false) as soon as it is longer than a date line. */
  private static boolean appendText(Node n, StringBuilder sb) {
    for (int i = 0, size = n.childNodeSize(); i < size; i++) {
      Node c = n.childNode(i);
      if (c instanceof TextNode t) {
        NodeText.append(sb, t.getWholeText(), MAX_TEXT); // no further than a date line can be
        sb.append(' ');
      } else if (c instanceof Element child && !child.normalName().equals("script")
          && !child.normalName().equals("style") && !appendText(child, sb)) {
        return false;
      }
      if (sb.length() > MAX_TEXT) {
        return false;
      }
    }
    return true;
  }

  /** Whether the element sits in a comment, sidebar, related list, footer or navigation. */
  static boolean inForeignBlock(Element e) {
    return inForeignBlock(e, null);
  }

  /**
   * Whether the element sits in a comment, sidebar, related list, footer or navigation outside the
   * story: a "sidebar" or "teaser" block that holds the story's headline (when known) is the story's.
   */
  private static boolean inForeignBlock(Element e, Element headline) {
    Element p = e;
    boolean footer = false;
    boolean placed = false;
    for (int i = 0; p != null && i < MAX_ANCESTORS; i++, p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("article") || tag.equals("main")) {
        return false; // the story's own container (its own footer holds its "Posted on" line)
      }
      if (tag.equals("body")) {
        return footer || placed; // the body's class lists the page's layout ("right-sidebar"), not a block
      }
      if (tag.equals("aside") || tag.equals("nav")) {
        return true;
      }
      footer |= tag.equals("footer");
      if (p.attributesSize() > 0) {
        String cls = (p.attr("class") + " " + p.attr("id")).toLowerCase(Locale.ROOT);
        if (hasAny(cls, FOREIGN_HINTS) || pageFooter(cls)) {
          return true;
        }
        placed |= hasAny(cls, PLACED_HINTS) && !holds(p, headline);
      }
    }
    return footer || placed;
  }

  /** Whether the block is an ancestor of the headline (null: none known). */
  private static boolean holds(Element block, Element headline) {
    for (Element a = headline == null ? null : headline.parent(); a != null; a = a.parent()) {
      if (a == block) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBlocks(Element e) {
    for (int i = 0, size = e.childNodeSize(); i < size; i++) { // the child elements, without a list of them
      if (!(e.childNode(i) instanceof Element c)) {
        continue;
      }
      switch (c.normalName()) {
        case "div", "p", "section", "article", "aside", "ul", "ol", "table", "header", "footer", "nav" -> {
          return true;
        }
        default -> { }
      }
    }
    return false;
  }

  /** "footer", "site-footer", "footer-links": the page's footer, not a story's "post-footer". */
  private static boolean pageFooter(String cls) {
    for (String token : cls.split(" ")) {
      if (token.equals("footer") || token.startsWith("footer") || token.startsWith("site-footer")
          || token.startsWith("page-footer")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAny(String s, String... parts) {
    for (String p : parts) {
      if (s.contains(p)) {
        return true;
      }
    }
    return false;
  }
}

package dev.newsvault.extract;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;

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
  /** Shorter paragraphs are not distinctive enough to count. */
  private static final int MIN_SUMMARY_CHARS = 20;

  private TeaserList() {}

  /** True when the page says it is an article, so teaser detection does not apply. */
  static boolean declaresArticle(Element doc, JsonLd ld) {
    if (ld.article() != null) {
      return true;
    }
    Element og = doc.selectFirst("meta[property=og:type]");
    return og != null && og.attr("content").trim().toLowerCase(java.util.Locale.ROOT).startsWith("article");
  }

  /**
   * The texts of paragraphs that follow a linked headline in the same container: the summaries of teasers.
   * Read before cleaning, since cleaning changes the document.
   */
  static Set<String> summaries(Element body) {
    Set<String> out = new HashSet<>();
    if (body == null) {
      return out;
    }
    for (Element h : body.select("h2, h3, h4, h5, h6")) {
      Element anchor = h.parent() != null && h.parent().normalName().equals("a") ? h.parent() : h;
      boolean linked = anchor != h || h.selectFirst("a[href]") != null;
      if (!linked) {
        continue;
      }
      Element next = anchor.nextElementSibling();
      for (int i = 0; i < 2 && next != null; i++, next = next.nextElementSibling()) {
        String text = normalise(next.text());
        if (next.normalName().matches("h[1-6]")) {
          break;
        }
        if (text.length() >= MIN_SUMMARY_CHARS) {
          out.add(text);
        }
      }
    }
    return out;
  }

  /** True when the extracted text is mostly teaser summaries. */
  static boolean isListing(Set<String> summaries, String text) {
    if (summaries.size() < MIN_TEASERS || text.isBlank()) {
      return false;
    }
    String[] paragraphs = text.split("\n\n");
    int teasers = 0;
    for (String p : paragraphs) {
      if (summaries.contains(normalise(p))) {
        teasers++;
      }
    }
    return teasers >= MIN_TEASERS && teasers * 100 >= paragraphs.length * MIN_SHARE_PERCENT;
  }

  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}

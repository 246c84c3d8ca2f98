package dev.newsvault.extract;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A table of contents inside the story is part of it: a list whose every item links to a section of the same
 * page (an id the page has). Its links lead nowhere else, so they are read as the items' text: a list of links
 * would otherwise go as navigation.
 */
final class TableOfContents {

  private static final int MIN_ITEMS = 3;
  private static final Evaluator LISTS = QueryParser.parse("ul, ol");
  private static final Evaluator PAGE_LINKS = QueryParser.parse("a[href^=#]");
  private static final Evaluator LINK = QueryParser.parse("a[href]");

  private TableOfContents() {}

  static void unlink(List<Element> roots) {
    for (Element root : roots) {
      Document doc = root.ownerDocument();
      if (doc == null) {
        continue;
      }
      for (Element list : root.select(LISTS)) {
        if (isContents(list, doc)) {
          for (Element a : list.select(PAGE_LINKS)) {
            a.unwrap();
          }
        }
      }
    }
  }

  private static boolean isContents(Element list, Document doc) {
    List<Element> items = list.children().stream().filter(c -> c.nameIs("li")).toList();
    if (items.size() < MIN_ITEMS) {
      return false;
    }
    for (Element li : items) {
      Element a = li.selectFirst(LINK);
      if (a == null) {
        return false;
      }
      String href = a.attr("href");
      if (!href.startsWith("#") || href.length() < 2 || doc.getElementById(href.substring(1)) == null) {
        return false;
      }
    }
    return true;
  }
}

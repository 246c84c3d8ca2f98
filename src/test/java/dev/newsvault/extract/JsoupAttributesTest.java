package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * What the date and metadata walks rely on when they read an element's attributes directly (PageIndex,
 * VisibleDates): for an element that has attributes and a plain name, jsoup's {@code attr} and {@code hasAttr}
 * answer as its {@code Attributes} do, on HTML and on XML (whose names keep their case).
 */
class JsoupAttributesTest {

  @Test
  void anElementsAttributesAnswerAsAttrAndHasAttrDo() {
    String page = "<div><p class='a b' ID=x data-x>one</p><span itemprop='' Rel=author>two</span><br><a"
        + " href=' /x '>three</a><img src=/i.png hidden><time datetime='2024-01-02'></time></div>";
    List<String> names = List.of("class", "CLASS", "id", "Id", "data-x", "itemprop", "rel", "REL", "href", "src",
        "hidden", "datetime", "missing");
    int read = 0;
    for (Document doc : List.of(Jsoup.parse(page, "https://example.org/"),
        Jsoup.parse(page, "https://example.org/", Parser.xmlParser()))) {
      for (Element e : doc.getAllElements()) {
        if (e.attributesSize() == 0) {
          continue;
        }
        Attributes attributes = e.attributes();
        for (String name : names) {
          assertEquals(e.attr(name), attributes.getIgnoreCase(name), e.tagName() + " " + name);
          assertEquals(e.hasAttr(name), attributes.hasKeyIgnoreCase(name), e.tagName() + " has " + name);
          read++;
        }
      }
    }
    assertEquals(2 * 5 * names.size(), read, "attributes read"); // p, span, a, img and time, twice
  }
}

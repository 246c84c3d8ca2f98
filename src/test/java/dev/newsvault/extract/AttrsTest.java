package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The shortcut answers as jsoup's own attr and hasAttr do, on HTML and on XML (whose names keep their case). */
class AttrsTest {

  @Test
  void answersAsJsoupDoes() {
    String page = "<div><p class='a b' ID=x data-x>one</p><span itemprop='' Rel=author>two</span><br><a"
        + " href=' /x '>three</a><img src=/i.png hidden><time datetime='2024-01-02'></time></div>";
    Document html = Jsoup.parse(page, "https://example.org/");
    Document xml = Jsoup.parse(page, "https://example.org/", Parser.xmlParser());
    List<String> names = List.of("class", "CLASS", "id", "Id", "data-x", "itemprop", "rel", "REL", "href", "src",
        "hidden", "datetime", "missing", "");
    int elements = 0;
    for (Document doc : List.of(html, xml)) {
      for (Element e : doc.getAllElements()) {
        elements++;
        for (String name : names) {
          assertEquals(e.attr(name), Attrs.get(e, name), e.tagName() + " " + name);
          assertEquals(e.hasAttr(name), Attrs.has(e, name), e.tagName() + " has " + name);
        }
      }
    }
    assertEquals(true, elements > 12, "elements: " + elements);
    Element p = html.selectFirst("p");
    assertEquals("a b", Attrs.get(p, "CLASS"));
    assertEquals(true, Attrs.has(p, "data-x"));
    assertEquals("", Attrs.get(p, "data-x"));
  }
}

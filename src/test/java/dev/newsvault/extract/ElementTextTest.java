package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@link ElementText#of} is jsoup's {@code Element.text()}, character for character. */
class ElementTextTest {

  @Test
  void isJsoupsTextOnEveryElementOfTheTestPages() throws Exception {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() > 50, "the test pages are found");
    long compared = 0;
    for (Path page : pages) {
      Document doc = Jsoup.parse(page.toFile(), null, "https://news.test/"); // its charset as jsoup finds it
      for (Element e : doc.getAllElements()) {
        assertEquals(e.text(), ElementText.of(e), page + ": " + e.cssSelector());
        compared++;
      }
    }
    assertTrue(compared > 2_000, compared + " elements");
  }

  @Test
  void isJsoupsTextOnRandomTrees() {
    Random random = new Random(19);
    String[] tags = {"p", "div", "span", "a", "b", "br", "pre", "code", "li", "ul", "td", "tr", "table", "h2", "img",
        "section", "em", "textarea", "script", "style", "x-widget", "button", "label", "svg", "math", "option"};
    String[] texts = {"word", " ", "  two  words ", "\n", "\t", "\u00a0", "\u200b", "\u00ad", "caf\u00e9",
        "\ud83d\udcf0", "\ud800", "&amp;", "<![CDATA[ raw  text ]]>", "<!-- note -->", "\r\n", "\u2003em", "a\fb"};
    for (int i = 0; i < 3_000; i++) {
      StringBuilder html = new StringBuilder();
      tree(random, tags, texts, html, 0);
      Document doc = Jsoup.parse(html.toString());
      for (Element e : doc.getAllElements()) {
        assertEquals(e.text(), ElementText.of(e), html + " at " + e.cssSelector());
      }
    }
  }

  private static void tree(Random random, String[] tags, String[] texts, StringBuilder html, int depth) {
    for (int n = random.nextInt(5); n > 0; n--) {
      if (depth < 6 && random.nextInt(3) > 0) {
        String tag = tags[random.nextInt(tags.length)];
        html.append('<').append(tag).append('>');
        tree(random, tags, texts, html, depth + 1);
        if (random.nextInt(8) > 0) {
          html.append("</").append(tag).append('>');
        }
      } else {
        html.append(texts[random.nextInt(texts.length)]);
      }
    }
  }
}

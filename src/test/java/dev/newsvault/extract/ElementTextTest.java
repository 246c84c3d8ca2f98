package dev.newsvault.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** {@link ElementText#of} gives what jsoup's {@code Element.text()} gives, for every element of every page. */
class ElementTextTest {

  @Test
  void everyElementOfEveryTestPageReadsAsJsoupReadsIt() throws Exception {
    Path root = Path.of(ElementTextTest.class.getResource("/extract").toURI()).getParent();
    List<Path> pages;
    try (Stream<Path> files = Files.walk(root)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    int elements = 0;
    for (Path page : pages) {
      Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.ISO_8859_1), "https://example.org/");
      for (Element e : doc.getAllElements()) {
        assertEquals(e.text(), ElementText.of(e), root.relativize(page) + ": " + e.cssSelector());
        elements++;
      }
    }
    assertTrue(pages.size() > 50 && elements > 2_000, pages.size() + " pages, " + elements + " elements");
  }

  @Test
  void randomMarkupReadsAsJsoupReadsIt() {
    Random random = new Random(29);
    String[] pieces = {"word", "Ünïcode", "\ud83d\udcf0", " ", "  ", "\t", "\n", "\r\n", "\f", "\u000b", "\u00a0",
        "\u200b", "\u00ad", "\u2003", "&nbsp;", "&#8203;", "<a href=/x>", "</a>", "<em>", "</em>", "<span>", "</span>",
        "<b> ", " </b>", "<br>", "<img src=x.png alt=pic>", "<p>", "</p>", "<div>", "</div>", "<li>", "<td>",
        "<pre>", "</pre>", "<textarea>", "</textarea>", "<!-- note -->", "<script>var a = 1;</script>",
        "<style>p {}</style>", "<code>", "</code>", "<sup>1</sup>", "<q>", "</q>", "<custom-tag>", "</custom-tag>",
        "<svg><text>in svg</text></svg>", "<math><mi>x</mi></math>", "<wbr>", "<input value=v>", "<button>",
        "</button>", "<ruby>漢<rt>kan</rt></ruby>", "<label>", "</label>"};
    int checked = 0;
    for (int i = 0; i < 4_000; i++) {
      StringBuilder html = new StringBuilder("<body>");
      for (int n = random.nextInt(30); n > 0; n--) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      Document doc = Jsoup.parse(html.toString());
      for (Element e : doc.body().getAllElements()) {
        assertEquals(e.text(), ElementText.of(e), "in " + html + " at " + e.cssSelector());
        checked++;
      }
    }
    assertTrue(checked > 20_000, "elements checked: " + checked);
  }

  @Test
  void cdataAndPreservedWhiteSpaceAreJsoups() {
    Document xml = Jsoup.parse("<r><p> a <![CDATA[  b  ]]> c </p><pre>  x  <b> y </b></pre></r>", "",
        Parser.xmlParser());
    assertTrue(xml.select("p").first().childNodes().stream().anyMatch(n -> n instanceof CDataNode));
    for (Element e : xml.getAllElements()) {
      assertEquals(e.text(), ElementText.of(e), e.cssSelector());
    }
    Document html = Jsoup.parse("<div><pre>  x \n <b> y  </b></pre><textarea> t  </textarea><p> a  <i> b </i></p>");
    for (Element e : html.getAllElements()) {
      assertEquals(e.text(), ElementText.of(e), e.cssSelector());
    }
  }
}

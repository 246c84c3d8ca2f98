package dev.newsvault.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.extract.DomLimits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageScanTest {

  private static final String PAGE = """
      <html><head><script src="/app.js"></script></head><body>
      <nav><a href="/world">World</a> <a>no href</a> <A HREF="/Sport">Sport</A></nav>
      <map><area href="/map/1"><area alt="none"></map>
      <div class="story">%s<p>Text <a href="https://elsewhere.example/x" rel="nofollow">out</a></p></div>
      <script>var x = 1;</script><svg><a href="/in-svg">svg link</a></svg>
      </body></html>""";

  @ParameterizedTest
  @ValueSource(strings = {"", "<div id=\"onetrust-consent-sdk\">", "<div id=\"OneTrust-Consent-SDK\">",
      "<div class=\"x QC-CMP2-container\">", "<section id=\"sp_message_container_1234\">",
      "<div class=\"Article-PayWall\">", "<div id=\"CybotCookiebotDialog\">", "<div id=\"cybotcookiebotdialog\">",
      "<div data-role=\"paywall\">", "<div class=\"consent\"><div id=\"cmpbox\">"})
  void findsWhatTheSelectorsFind(String extra) {
    Document doc = Jsoup.parse(PAGE.formatted(extra), "https://news.example.org/");
    PageScan scan = PageScan.of(doc);
    assertThat(scan.links()).containsExactlyElementsOf(doc.select("a[href], area[href]"));
    assertThat(scan.scripts()).isEqualTo(doc.getElementsByTag("script").size()).isEqualTo(2);
    assertThat(scan.consentManager()).isSameAs(doc.selectFirst(ConsentWalls.MANAGERS));
    assertThat(scan.deep()).isFalse();
    assertThat(Links.of(doc, scan.links())).isEqualTo(Links.of(doc));
  }

  @ParameterizedTest
  @ValueSource(ints = {DomLimits.MAX_DEPTH - 10, DomLimits.MAX_DEPTH + 10})
  void tellsWhenAPageNestsToTheDepthLimit(int levels) {
    Document doc = Jsoup.parse("<html><body>" + "<div>".repeat(levels) + "deep" + "</div>".repeat(levels)
        + "</body></html>");
    assertThat(PageScan.of(doc).deep()).isEqualTo(levels > DomLimits.MAX_DEPTH);
  }
}

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

  /**
   * One page for each kind of manager {@link ConsentWalls#MANAGERS} names: a selector added there without its mark
   * in {@link PageScan} fails here.
   */
  @ParameterizedTest
  @ValueSource(strings = {"<div id=\"onetrust-consent-sdk\">", "<div id=\"onetrust-banner-sdk\">",
      "<div id=\"didomi-host\">", "<div id=\"didomi-popup\">", "<div class=\"qc-cmp2-container\">",
      "<div id=\"qc-cmp2-ui\">", "<div id=\"usercentrics-root\">", "<div class=\"fc-consent-root\">",
      "<div id=\"truste-consent-track\">", "<div class=\"cmp-container\">", "<div class=\"x consent-wall\">",
      "<div id=\"story-paywall\">", "<div class=\"login-wall-box\">",
      "<section id=\"sp_message_container_1\">", "<div id=\"CybotCookiebotDialog\">", "<div id=\"cmpbox\">",
      "<div class=\"Article-paywall\">"})
  void findsEachManagerConsentWallsNames(String manager) {
    Document doc = Jsoup.parse(PAGE.formatted(manager), "https://news.example.org/");
    assertThat(doc.selectFirst(ConsentWalls.MANAGERS)).as(manager).isNotNull();
    assertThat(PageScan.of(doc).consentManager()).as(manager).isSameAs(doc.selectFirst(ConsentWalls.MANAGERS));
  }

  @ParameterizedTest
  @ValueSource(ints = {DomLimits.MAX_DEPTH - 10, DomLimits.MAX_DEPTH + 10})
  void tellsWhenAPageNestsToTheDepthLimit(int levels) {
    Document doc = Jsoup.parse("<html><body>" + "<div>".repeat(levels) + "deep" + "</div>".repeat(levels)
        + "</body></html>");
    assertThat(PageScan.of(doc).deep()).isEqualTo(levels > DomLimits.MAX_DEPTH);
  }
}

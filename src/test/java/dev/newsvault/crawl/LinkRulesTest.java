package dev.newsvault.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.Scope;
import dev.newsvault.config.Settings;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "https://news.example.com/2026/03/02/tram-vote, true",
      "https://news.example.com/world/, true",
      "https://news.example.com/story.html, true",
      "https://news.example.com/story.xhtml, true",
      "https://news.example.com/index.php?id=7, true",
      "https://news.example.com/story.12345, true",
      "https://news.example.com/feed.xml, false",
      "https://news.example.com/rss.atom, false",
      "https://news.example.com/img/photo.JPG, false",
      "https://news.example.com/report.pdf, false",
      "https://news.example.com/app.js?v=3, false",
      "https://news.example.com/data.json, false",
      "mailto:editor@example.com, false",
      "ftp://files.example.com/a.html, false",
  })
  void onlyHttpLinksThatAreLikelyHtmlPagesAreFollowed(String url, boolean followed) {
    assertThat(new LinkFilter(Settings.defaults()).accepts(url)).isEqualTo(followed);
  }

  @ParameterizedTest(name = "{0} from {1} -> {2}")
  @CsvSource({
      "HOST,   news.example.co.uk, https://news.example.co.uk/a,     true",
      "HOST,   news.example.co.uk, https://sport.example.co.uk/a,    false",
      "DOMAIN, news.example.co.uk, https://sport.example.co.uk/a,    true",
      "DOMAIN, news.example.co.uk, https://example.co.uk/a,          true",
      "DOMAIN, news.example.co.uk, https://other.co.uk/a,            false",
      "DOMAIN, 127.0.0.1,          http://127.0.0.1:8080/a,          true",
      "DOMAIN, 127.0.0.1,          http://localhost:8080/a,          false",
      "ANY,    news.example.co.uk, https://elsewhere.example.org/a,  true",
  })
  void scopeKeepsLinksOnTheHostTheRegisteredDomainOrAnywhere(Scope scope, String startHost, String url,
      boolean inScope) {
    assertThat(UrlScope.inScope(scope, Set.of(startHost), url)).isEqualTo(inScope);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "https://Example.com:443/a/../b#frag, https://example.com/b",
      "http://example.com, http://example.com/",
      "javascript:void(0), ",
  })
  void linksAreNormalisedWithoutFragments(String in, String out) {
    assertThat(Links.normalize(in)).isEqualTo(out);
  }

  @Test
  void linksResolveAsTheBrowserResolvesThemAgainstTheBaseOnce() {
    Document doc = Jsoup.parse("<base href='https://news.example.org/world/'>"
        + "<a href='europe/tram.html'>1</a><a href='/about'>2</a><a href='?page=2'>3</a>"
        + "<a href='//cdn.example.net/x.html'>4</a><a href='HTTPS://Other.example.com/a#top'>5</a>"
        + "<a href='/sp\tort\n/'>6</a><a href='europe/tram.html#c'>7</a><a href='mailto:x@example.org'>8</a>"
        + "<a rel='nofollow' href='/login'>9</a><area href='../map.html'>",
        "https://www.example.org/section/page.html");
    assertThat(Links.of(doc)).containsExactly(
        "https://news.example.org/world/europe/tram.html",
        "https://news.example.org/about",
        "https://news.example.org/world/?page=2",
        "https://cdn.example.net/x.html",
        "https://other.example.com/a",
        "https://news.example.org/sport/",
        "https://news.example.org/map.html");
    // The same links again, now answered from the memo, give the same result.
    assertThat(Links.of(doc)).hasSize(7);
  }

  @Test
  void aRootRelativeLinkRemembersTheSiteItWasResolvedOn() {
    String links = "<a href='/world/tram.html'>1</a><a href='/a/../b/./c?x=1#y'>2</a>"
        + "<a href='/\t/cdn.example.net/z'>3</a>";
    Document first = Jsoup.parse(links, "https://news.example.org/section/");
    Document otherPort = Jsoup.parse(links, "https://news.example.org:8443/other/page");
    Document otherHost = Jsoup.parse("<base href='http://mirror.example.com/x/'>" + links,
        "https://news.example.org/");
    for (int round = 0; round < 2; round++) { // the second round is answered from the memo
      assertThat(Links.of(first)).containsExactly("https://news.example.org/world/tram.html",
          "https://news.example.org/b/c?x=1", "https://cdn.example.net/z");
      assertThat(Links.of(otherPort)).containsExactly("https://news.example.org:8443/world/tram.html",
          "https://news.example.org:8443/b/c?x=1", "https://cdn.example.net/z");
      assertThat(Links.of(otherHost)).containsExactly("http://mirror.example.com/world/tram.html",
          "http://mirror.example.com/b/c?x=1", "http://cdn.example.net/z");
    }
  }
}

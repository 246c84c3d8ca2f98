package dev.newsvault.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consent or login wall served instead of the article is recorded as consent_wall, not archived as the
 * article; an article or a section page that merely carries a cookie banner is archived as usual.
 */
class ConsentWallTest {

  @TempDir Path dir;

  private static final String BANNER = "<div id=\"onetrust-banner-sdk\"><p>We value your privacy.</p>"
      + "<button>Accept all cookies</button></div>";

  @Test
  void aWallIsRecordedAsSuchAndABannerOnARealPageIsNot() throws Exception {
    CrawlFixture fx = new CrawlFixture(dir);
    try (FixtureServer site = new FixtureServer()) {
      String h = "127.0.0.1";
      site.route(h, "/wall", FixtureServer.Reply.html("<html><head><title>Story</title></head><body>" + BANNER
          + "<p>To read this story, accept our cookies.</p></body></html>"));
      site.route(h, "/login", FixtureServer.Reply.html("<html><body><h1>Council budget</h1><p>Subscribe to"
          + " continue reading. Already a subscriber? Log in.</p></body></html>"));
      site.route(h, "/story", FixtureServer.Reply.html(NewsPages.article("Council budget", 6, List.of())
          .replace("<body>", "<body>" + BANNER)));
      List<String> links = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        links.add("/section-link-" + i + "-about-the-council-budget-and-the-harbour");
      }
      site.route(h, "/section", FixtureServer.Reply.html(NewsPages.section("Local news", links)
          .replace("<body>", "<body>" + BANNER)));
      var s = fx.settings("max.depth=0");
      fx.crawl(s, List.of("/wall", "/login", "/story", "/section").stream()
          .map(p -> StartUrl.of(site.url(h, p), s)).toList());
      Map<String, String> outcomes = fx.outcomes();
      assertThat(outcomes).containsEntry(site.url(h, "/wall"), "consent_wall")
          .containsEntry(site.url(h, "/login"), "consent_wall")
          .containsEntry(site.url(h, "/story"), "ok").containsEntry(site.url(h, "/section"), "ok");
      assertThat(fx.column("SELECT failure_detail FROM fetch WHERE url='" + site.url(h, "/wall") + "'").get(0))
          .contains("consent or login wall", "#onetrust-banner-sdk", "site.127.0.0.1.cookie=");
      assertThat(fx.column("SELECT url FROM article")).containsExactly(site.url(h, "/story"));
    }
  }
}

package dev.newsvault.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.fetch.Validators;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeedExpanderTest {

  FixtureServer web;
  Settings settings;
  PageFetcher fetcher;
  RobotsPolicy robots;
  final Map<String, Validators> stored = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    web = new FixtureServer();
    settings = ConfigLoader.load(null, false, Map.of("politeness.delay.ms", "0", "fetch.allow.private", "true"));
    OkHttpClient client = HttpClients.create(settings);
    HostGate gate = new HostGate(0);
    robots = new RobotsPolicy(client, settings, gate);
    fetcher = new PageFetcher(client, settings, gate, robots);
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
  }

  SeedExpander expander(ExpansionLimits limits) {
    return new SeedExpander((u, v) -> fetcher.fetch(u, v, false), robots::sitemaps,
        u -> stored.getOrDefault(u, Validators.NONE), limits);
  }

  SeedExpander expander() {
    return expander(ExpansionLimits.from(settings));
  }

  @Test
  void rssFeedYieldsItsArticlesWithTitlesDatesAndAuthors() throws Exception {
    web.fixture("/feeds/world.rss", "application/rss+xml; charset=utf-8", "rss2.xml");
    Expansion e = expander().expand(web.url("/feeds/world.rss"), null, "seeds/news.txt:1");

    assertThat(e.kind()).isEqualTo(SeedType.FEED);
    assertThat(e.urls()).extracting(DiscoveredUrl::url).containsExactly(
        web.url("/world/2025/mar/04/talks-resume"),
        web.url("/world/2025/mar/04/floods-schools"),
        web.url("/business/2025/mar/04/markets"));
    DiscoveredUrl first = e.urls().get(0);
    assertThat(first.title()).isEqualTo("Talks resume as ceasefire deadline nears");
    assertThat(first.author()).isEqualTo("Jane Reporter");
    assertThat(first.published()).isEqualTo(Instant.parse("2025-03-04T09:58:12Z"));
    assertThat(first.source()).isEqualTo(web.url("/feeds/world.rss"));
    assertThat(e.sources()).singleElement().satisfies(s -> {
      assertThat(s.title()).isEqualTo("Example Times - World");
      assertThat(s.entries()).isEqualTo(3);
    });
    assertThat(e.warnings()).isEmpty();
  }

  @Test
  void atomFeedUsesAlternateLinksAndFallsBackToUpdated() throws Exception {
    web.fixture("/wire.atom", "application/atom+xml", "atom.xml");
    Expansion e = expander().expand(web.url("/wire.atom"), SeedType.FEED, "wire.txt:1");

    assertThat(e.urls()).extracting(DiscoveredUrl::url)
        .containsExactly(web.url("/politics/budget-passes"), web.url("/weather/storm-warning"));
    assertThat(e.urls().get(0).published()).isEqualTo(Instant.parse("2025-03-04T09:00:00Z"));
    assertThat(e.urls().get(1).published()).isEqualTo(Instant.parse("2025-03-04T07:10:00Z"));
    assertThat(e.urls().get(1).author()).isEqualTo("Weather Desk");
  }

  @Test
  void feedIsFetchedWithItsStoredValidatorsAndA304GivesNoUrls() throws Exception {
    web.route("/feed.xml", new MockResponse().setResponseCode(304));
    stored.put(web.url("/feed.xml"), new Validators("\"v1\"", "Tue, 04 Mar 2025 10:00:00 GMT"));
    Expansion e = expander().expand(web.url("/feed.xml"), SeedType.FEED, "news.txt:2");

    assertThat(e.urls()).isEmpty();
    assertThat(e.sources()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(304));
    var req = web.requests.stream().filter(r -> r.getPath().equals("/feed.xml")).findFirst().orElseThrow();
    assertThat(req.getHeader("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(req.getHeader("If-Modified-Since")).isEqualTo("Tue, 04 Mar 2025 10:00:00 GMT");
  }

  @Test
  void sitemapIndexIsFollowedNewestFirstWithGoogleNewsMetadata() throws Exception {
    web.fixture("/sitemap.xml", "application/xml", "sitemap-index.xml")
        .fixture("/sitemaps/news.xml", "text/xml", "sitemap-news.xml")
        .fixture("/sitemaps/2019-01.xml", "application/xml", "sitemap-2019.xml");
    Expansion e = expander().expand(web.url("/sitemap.xml"), null, "news.txt:3");

    assertThat(e.kind()).isEqualTo(SeedType.SITEMAP);
    assertThat(e.urls()).extracting(DiscoveredUrl::url).containsExactly(
        web.url("/news/newest-story"), web.url("/news/older-story"),
        web.url("/2019/01/old-b"), web.url("/2019/01/old-a"));
    DiscoveredUrl newest = e.urls().get(0);
    assertThat(newest.title()).isEqualTo("The newest story");
    assertThat(newest.published()).isEqualTo(Instant.parse("2025-03-04T09:12:00Z"));
    assertThat(e.sources()).hasSize(3);
  }

  @Test
  void siteRootDeclaredAsSitemapUsesRobotsTxtSitemapLines() throws Exception {
    web.fixture("/robots.txt", "text/plain", "robots.txt")
        .fixture("/sitemaps/news.xml", "text/xml", "sitemap-news.xml")
        .fixture("/sitemaps/2019-01.xml", "application/xml", "sitemap-2019.xml");
    Expansion e = expander().expand(web.url("/"), SeedType.SITEMAP, "news.txt:4");

    assertThat(e.urls()).extracting(DiscoveredUrl::url).contains(web.url("/news/newest-story"),
        web.url("/2019/01/old-a"));
    assertThat(e.urls()).hasSize(4);
  }

  @Test
  void feedThatIsAnHtmlPageIsReportedAndCrawledAsAPage() throws Exception {
    web.route("/news", "text/html; charset=utf-8", "<!doctype html><html><head><title>News</title></head>"
        + "<body><p>Front page</p></body></html>");
    Expansion e = expander().expand(web.url("/news"), SeedType.FEED, "news.txt:5");

    assertThat(e.kind()).isEqualTo(SeedType.PAGE);
    assertThat(e.urls()).extracting(DiscoveredUrl::url).containsExactly(web.url("/news"));
    assertThat(e.warnings()).singleElement().asString()
        .contains(web.url("/news"), "news.txt:5", "declared type=feed but serves an HTML page");
  }

  @Test
  void brokenSitemapIsReportedAndGivesNothing() throws Exception {
    web.route("/sitemap.xml", "application/xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>");
    Expansion e = expander().expand(web.url("/sitemap.xml"), SeedType.SITEMAP, "news.txt:6");

    assertThat(e.urls()).isEmpty();
    assertThat(e.warnings()).singleElement().asString().contains(web.url("/sitemap.xml"), "news.txt:6");
  }

  @Test
  void sitemapBombIsCutAtEveryLimitWithALineNamingTheSeed() throws Exception {
    StringBuilder big = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (int i = 0; i < 300; i++) {
      big.append("<url><loc>").append(web.url("/a/" + i)).append("</loc></url>");
    }
    web.route("/big.xml", "application/xml", big.append("</urlset>").toString());
    // an index that points at itself through ever deeper indexes
    for (int level = 0; level < 10; level++) {
      web.route("/deep/" + level + ".xml", "application/xml",
          "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
              + web.url("/deep/" + (level + 1) + ".xml") + "</loc></sitemap><sitemap><loc>" + web.url("/big.xml")
              + "</loc></sitemap></sitemapindex>");
    }
    ExpansionLimits limits = new ExpansionLimits(100, 150, 3, 50, settings.maxPageBytes());

    Expansion capped = expander(limits).expand(web.url("/big.xml"), SeedType.SITEMAP, "bomb.txt:1");
    assertThat(capped.urls()).hasSize(100);
    assertThat(capped.warnings()).anySatisfy(w -> assertThat(w).contains("bomb.txt:1", "lists 300 URLs",
        "discovery.sitemap.max.urls"));

    Expansion deep = expander(limits).expand(web.url("/deep/0.xml"), SeedType.SITEMAP, "bomb.txt:2");
    assertThat(web.count("/deep/4.xml")).isZero();
    assertThat(web.count("/deep/3.xml")).isEqualTo(1);
    assertThat(deep.urls()).hasSize(100);
    assertThat(deep.warnings()).anySatisfy(w -> assertThat(w).contains("bomb.txt:2",
        "discovery.sitemap.max.depth=3"));

    ExpansionLimits fewFetches = new ExpansionLimits(100, 1000, 20, 2, settings.maxPageBytes());
    Expansion many = expander(fewFetches).expand(web.url("/deep/0.xml"), SeedType.SITEMAP, "bomb.txt:3");
    assertThat(many.warnings()).anySatisfy(w -> assertThat(w).contains("bomb.txt:3",
        "discovery.sitemap.max.fetches=2"));

    ExpansionLimits smallSeed = new ExpansionLimits(1000, 50, 3, 50, settings.maxPageBytes());
    Expansion seedCap = expander(smallSeed).expand(web.url("/big.xml"), SeedType.SITEMAP, "bomb.txt:4");
    assertThat(seedCap.urls()).hasSize(50);
    assertThat(seedCap.warnings()).anySatisfy(w -> assertThat(w).contains("bomb.txt:4",
        "discovery.seed.max.urls"));
  }

  @Test
  void pageLikeUrlsAreNotExpandedButFeedLikeOnesAre() {
    assertThat(SeedExpander.isExpandable("https://example.com/", null)).isFalse();
    assertThat(SeedExpander.isExpandable("https://example.com/news/world", null)).isFalse();
    assertThat(SeedExpander.isExpandable("https://example.com/rss/world.xml", null)).isTrue();
    assertThat(SeedExpander.isExpandable("https://example.com/feed/", null)).isTrue();
    assertThat(SeedExpander.isExpandable("https://example.com/sitemap_news.xml.gz", null)).isTrue();
    assertThat(SeedExpander.isExpandable("https://example.com/", SeedType.SITEMAP)).isTrue();
    assertThat(SeedExpander.isExpandable("https://example.com/feed", SeedType.PAGE)).isFalse();
  }
}

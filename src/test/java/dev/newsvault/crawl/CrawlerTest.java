package dev.newsvault.crawl;

import static dev.newsvault.crawl.FixtureServer.Reply.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.Scope;
import dev.newsvault.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlerTest {

  private static final String H = "127.0.0.1";
  private static final String OTHER = "localhost";

  @TempDir Path dir;
  private FixtureServer server;
  private CrawlFixture fx;

  @BeforeEach
  void start() throws Exception {
    server = new FixtureServer();
    fx = new CrawlFixture(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Home → two sections → three articles; one article links one level deeper. */
  private void newsSite(String host) {
    server.route(host, "/", html(NewsPages.section("Home", List.of("/world", "/politics"))));
    server.route(host, "/world", html(NewsPages.section("World", List.of("/world/tram-vote", "/world/budget"))));
    server.route(host, "/politics", html(NewsPages.section("Politics", List.of("/politics/hearing"))));
    server.route(host, "/world/tram-vote", html(NewsPages.article("Tram vote", 4, List.of("/world/tram-vote/map"))));
    server.route(host, "/world/budget", html(NewsPages.article("Budget row", 4, List.of("/world/tram-vote"))));
    server.route(host, "/politics/hearing", html(NewsPages.article("Hearing", 4, List.of())));
    server.route(host, "/world/tram-vote/map", html(NewsPages.article("Route map", 4, List.of())));
  }

  private List<String> pagePaths(String host) {
    return server.paths(host).stream().filter(p -> !p.equals("/robots.txt")).toList();
  }

  @Test
  void crawlArchivesEveryPageWithinDepthAndOnlyArticlesAsArticles() throws Exception {
    newsSite(H);
    CrawlResult r = fx.crawl(fx.settings("max.depth=2"), List.of(StartUrl.of(server.url(H, "/"), fx.settings())));

    assertThat(r.status()).isEqualTo("finished");
    assertThat(pagePaths(H)).containsExactlyInAnyOrder("/", "/world", "/politics", "/world/tram-vote",
        "/world/budget", "/politics/hearing");
    assertThat(fx.column("SELECT url FROM article ORDER BY url")).containsExactly(
        server.url(H, "/politics/hearing"), server.url(H, "/world/budget"), server.url(H, "/world/tram-vote"));
    assertThat(fx.column("SELECT title FROM article_version WHERE article_id ="
        + " (SELECT id FROM article WHERE url LIKE '%/tram-vote')")).containsExactly("Tram vote");
    assertThat(fx.column("SELECT DISTINCT outcome FROM fetch")).containsExactly("archived");
    assertThat(r.progress().fetched()).isEqualTo(6);
    assertThat(r.progress().newArticles()).isEqualTo(3);
    assertThat(fx.column("SELECT status FROM crawl_run")).containsExactly("finished");
  }

  @Test
  void assetsAndNofollowLinksAreNeverRequested() throws Exception {
    newsSite(H);
    fx.crawl(fx.settings(), List.of(StartUrl.of(server.url(H, "/"), fx.settings("max.depth=3"))));
    assertThat(server.paths(H)).doesNotContain("/logo.png", "/app.js", "/about");
    assertThat(server.paths(H)).contains("/world/tram-vote/map");
  }

  @Test
  void aSeedsOwnDepthOverridesMaxDepth() throws Exception {
    newsSite(H);
    Settings s = fx.settings("max.depth=5");
    fx.crawl(s, List.of(new StartUrl(server.url(H, "/"), 1, Scope.HOST, "test")));
    assertThat(pagePaths(H)).containsExactlyInAnyOrder("/", "/world", "/politics");
  }

  @Test
  void robotsDisallowedPageIsNeverRequested() throws Exception {
    server.route(H, "/robots.txt", FixtureServer.Reply.of(200, "text/plain",
        FixtureServer.bytes("User-agent: *\nDisallow: /private/\n")));
    server.route(H, "/", html(NewsPages.section("Home", List.of("/private/leak", "/public"))));
    server.route(H, "/public", html(NewsPages.article("Public story", 3, List.of("/private/other"))));
    server.route(H, "/private/leak", html(NewsPages.article("Leak", 3, List.of())));

    fx.crawl(fx.settings(), List.of(StartUrl.of(server.url(H, "/"), fx.settings())));

    assertThat(server.paths(H)).contains("/robots.txt", "/", "/public");
    assertThat(server.paths(H)).noneMatch(p -> p.startsWith("/private/"));
  }

  @Test
  void robotsAndPagesAreFetchedWithTheConfiguredUserAgent() throws Exception {
    server.route(H, "/robots.txt", FixtureServer.Reply.of(200, "text/plain",
        FixtureServer.bytes("User-agent: *\nDisallow: /private/\n\nUser-agent: FixtureBot\nDisallow: /bot-free/\n")));
    server.route(H, "/", html(NewsPages.section("Home", List.of("/bot-free/page", "/open"))));
    server.route(H, "/open", html(NewsPages.article("Open", 3, List.of())));
    Settings s = fx.settings("user.agent=FixtureBot/2.0 (+https://example.org/bot)", "robots.agent=FixtureBot");
    fx.crawl(s, List.of(StartUrl.of(server.url(H, "/"), s)));
    assertThat(server.hits()).extracting(FixtureServer.Hit::userAgent)
        .containsOnly("FixtureBot/2.0 (+https://example.org/bot)");
    assertThat(server.paths(H)).contains("/open").doesNotContain("/bot-free/page");
  }

  @Test
  void aDisallowedSeedIsRecordedAsSkippedByRobots() throws Exception {
    server.route(H, "/robots.txt", FixtureServer.Reply.of(200, "text/plain",
        FixtureServer.bytes("User-agent: newsvault\nDisallow: /\n")));
    server.route(H, "/", html(NewsPages.section("Home", List.of())));
    CrawlResult r = fx.crawl(fx.settings(), List.of(StartUrl.of(server.url(H, "/"), fx.settings())));
    assertThat(server.paths(H)).containsExactly("/robots.txt");
    assertThat(fx.outcomes()).containsEntry(server.url(H, "/"), "robots");
    assertThat(r.progress().skipped()).isEqualTo(1);
  }

  @Test
  void hostScopeKeepsTheCrawlOnTheSeedsHostAndAnyScopeLeavesIt() throws Exception {
    server.route(H, "/", html(NewsPages.section("Home", List.of("/local", server.url(OTHER, "/syndicated")))));
    server.route(H, "/local", html(NewsPages.article("Local", 3, List.of())));
    server.route(OTHER, "/syndicated", html(NewsPages.article("Syndicated", 3, List.of())));

    fx.crawl(fx.settings("scope=host"), List.of(StartUrl.of(server.url(H, "/"), fx.settings("scope=host"))));
    assertThat(server.paths(OTHER)).isEmpty();
    assertThat(server.paths(H)).contains("/local");

    fx.crawl(fx.settings(), List.of(new StartUrl(server.url(H, "/"), 2, Scope.ANY, "test")));
    assertThat(server.paths(OTHER)).contains("/syndicated");
  }

  @Test
  void requestsToOneHostAreSpacedByTheDelayWhileTwoHostsInterleave() throws Exception {
    long delayMs = 250;
    for (String host : List.of(H, OTHER)) {
      List<String> links = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        links.add("/story-" + i);
        server.route(host, "/story-" + i, html(NewsPages.article("Story " + i, 2, List.of())));
      }
      server.route(host, "/", html(NewsPages.section("Home", links)));
    }
    Settings s = fx.settings("politeness.delay.ms=" + delayMs, "threads=4");
    fx.crawl(s, List.of(StartUrl.of(server.url(H, "/"), s), StartUrl.of(server.url(OTHER, "/"), s)));

    List<FixtureServer.Hit> hits = server.hits();
    for (String host : List.of(H, OTHER)) {
      List<Long> times = hits.stream().filter(h -> h.host().equals(host)).map(FixtureServer.Hit::nanos).toList();
      assertThat(times).hasSize(7); // robots.txt, home, five stories
      // The gate spaces the sends, but an arrival can lag its send by a scheduling pause on a busy machine,
      // which shortens the next gap between arrivals: only the span of all six gaps is checked, with room
      // for such a pause (without the gate the whole span is a few ms).
      assertThat((times.get(times.size() - 1) - times.get(0)) / 1_000_000L)
          .isGreaterThanOrEqualTo((times.size() - 1) * delayMs * 3 / 4);
    }
    long firstH = hits.stream().filter(h -> h.host().equals(H)).mapToLong(FixtureServer.Hit::nanos).min().orElseThrow();
    long lastH = hits.stream().filter(h -> h.host().equals(H)).mapToLong(FixtureServer.Hit::nanos).max().orElseThrow();
    assertThat(hits).anyMatch(h -> h.host().equals(OTHER) && h.nanos() > firstH && h.nanos() < lastH);
  }

  @Test
  void robotsCrawlDelayLargerThanTheConfiguredDelayWins() throws Exception {
    server.route(H, "/robots.txt", FixtureServer.Reply.of(200, "text/plain",
        FixtureServer.bytes("User-agent: *\nCrawl-delay: 1\n")));
    server.route(H, "/", html(NewsPages.section("Home", List.of("/a"))));
    server.route(H, "/a", html(NewsPages.article("A", 2, List.of())));
    fx.crawl(fx.settings("politeness.delay.ms=10"), List.of(StartUrl.of(server.url(H, "/"), fx.settings())));
    List<Long> times = server.hits().stream().filter(h -> !h.path().equals("/robots.txt"))
        .map(FixtureServer.Hit::nanos).toList();
    assertThat(times).hasSize(2);
    // 1 s of Crawl-delay against 10 ms configured; room for the first arrival lagging its send on a busy machine
    assertThat((times.get(1) - times.get(0)) / 1_000_000L).isGreaterThanOrEqualTo(700);
  }

  @Test
  void maxPagesStopsAcceptingLinksAtTheLimit() throws Exception {
    newsSite(H);
    CrawlResult r = fx.crawl(fx.settings("max.pages=3", "max.depth=5"),
        List.of(StartUrl.of(server.url(H, "/"), fx.settings("max.depth=5"))));
    assertThat(r.progress().fetched()).isEqualTo(3);
    assertThat(pagePaths(H)).hasSize(3);
  }

  @Test
  void aRedirectIsRecordedOnTheOriginalUrlAndItsTargetIsNotFetchedAgain() throws Exception {
    server.route(H, "/", html(NewsPages.section("Home", List.of("/old-story"))));
    server.route(H, "/old-story", FixtureServer.Reply.redirect(301, "/new-story"));
    server.route(H, "/new-story", html(NewsPages.article("Moved story", 4, List.of("/new-story", "/old-story"))));

    fx.crawl(fx.settings(), List.of(StartUrl.of(server.url(H, "/"), fx.settings())));

    assertThat(server.paths(H)).containsExactly("/robots.txt", "/", "/old-story", "/new-story");
    assertThat(fx.rows("SELECT url, final_url, status FROM fetch WHERE url LIKE '%story'")).containsExactly(
        java.util.Map.of("url", server.url(H, "/old-story"), "final_url", server.url(H, "/new-story"), "status", 200));
    assertThat(fx.column("SELECT url FROM article")).containsExactly(server.url(H, "/new-story"));
  }

  @Test
  void theSameUrlIsArchivedOnceEvenWhenManyPagesLinkIt() throws Exception {
    List<String> links = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      links.add("/s" + i);
      server.route(H, "/s" + i, html(NewsPages.article("S" + i, 2, List.of("/shared", "/", "/s" + ((i + 1) % 30)))));
    }
    server.route(H, "/shared", html(NewsPages.article("Shared", 4, List.of())));
    server.route(H, "/", html(NewsPages.section("Home", links)));
    fx.crawl(fx.settings("threads=8", "max.depth=3"), List.of(StartUrl.of(server.url(H, "/"), fx.settings())));
    assertThat(fx.column("SELECT COUNT(*) FROM fetch")).containsExactly("32");
    assertThat(fx.column("SELECT COUNT(DISTINCT url) FROM fetch")).containsExactly("32");
  }
}

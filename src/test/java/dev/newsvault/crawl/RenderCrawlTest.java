package dev.newsvault.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls with render=browser in the real headless Chromium: script-built articles are archived with their
 * text and a screenshot per version, links the script adds are followed, internal requests of a page are
 * refused and recorded, and a page that never settles or whose browser is killed is recorded as
 * render_failed while the crawl goes on. Every browser process seen during a test is gone after it.
 */
class RenderCrawlTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private CrawlFixture fx;
  private FixtureServer site;
  private ServerSocket internal;
  private final AtomicInteger internalHits = new AtomicInteger();
  private final Set<Long> browserPids = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    fx = new CrawlFixture(dir);
    site = new FixtureServer();
    internal = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"));
    Thread t = new Thread(() -> {
      while (!internal.isClosed()) {
        try (Socket s = internal.accept()) {
          internalHits.incrementAndGet();
        } catch (Exception e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void stop() throws Exception {
    site.close();
    internal.close();
    assertThat(browserPids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
        .as("browser process " + pid + " after the crawl").isEmpty());
  }

  /** A page whose article exists only once its script has run; the script also adds a link to {@code next}. */
  private static String scriptBuilt(String title, String next) throws Exception {
    String full = NewsPages.article(title, 5, next == null ? List.of() : List.of(next));
    String body = full.substring(full.indexOf("<body>") + 6, full.indexOf("</body>"));
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
        + "<body><div id=\"app\">Loading…</div><script>document.getElementById('app').innerHTML = "
        + JSON.writeValueAsString(body).replace("</", "<\\/") + ";</script></body></html>";
  }

  private String page(String path) {
    return site.url("127.0.0.1", path);
  }

  /** Notes every process under this JVM while the browser is up (called from the site's handlers). */
  private void noteBrowsers() {
    ProcessHandle.current().descendants().forEach(h -> browserPids.add(h.pid()));
  }

  private CrawlResult crawl(String... urls) throws Exception {
    var s = fx.settings("fetch.allow.private=false", "fetch.allow.addresses=127.0.0.1", "threads=2",
        "render.timeout.ms=15000", "render.settle.ms=500", "read.timeout.ms=10000", "resumable=false");
    List<StartUrl> starts = java.util.Arrays.stream(urls)
        .map(u -> new StartUrl(u, 1, dev.newsvault.config.Scope.HOST, u, true)).toList();
    CrawlResult r = fx.crawl(s, starts);
    noteBrowsers();
    return r;
  }

  @Test
  void scriptBuiltArticlesGetTheirTextAScreenshotPerVersionAndTheirScriptLinksFollowed() throws Exception {
    String in = "http://127.0.0.2:" + internal.getLocalPort();
    site.route("127.0.0.1", "/story", FixtureServer.Reply.html(scriptBuilt("Tram line approved", "/second")
        .replace("</body>", "<img src=\"" + in + "/pixel.gif\"><iframe src=\"" + in + "/frame\"></iframe>"
            + "<script>fetch('" + in + "/api').catch(function () {});</script></body>")));
    site.route("127.0.0.1", "/second", FixtureServer.Reply.html(scriptBuilt("Second tram story", null)));
    crawl(page("/story"));
    noteBrowsers();

    assertThat(fx.outcomes()).containsEntry(page("/story"), "ok").containsEntry(page("/second"), "ok");
    List<String> texts = fx.column("SELECT v.text FROM article_version v JOIN article a ON a.id=v.article_id"
        + " WHERE a.url='" + page("/story") + "'");
    assertThat(texts).singleElement().asString().contains("Tram line approved was the subject of paragraph 3.");
    assertThat(fx.column("SELECT a.url FROM article a")).contains(page("/second"));
    assertThat(fx.column("SELECT media_type FROM screenshot")).containsOnly("image/webp").hasSize(2);
    String refused = fx.column("SELECT r.refused_json FROM fetch_render r JOIN fetch f ON f.id=r.fetch_id"
        + " WHERE f.url='" + page("/story") + "'").get(0);
    assertThat(refused).contains(in + "/pixel.gif", in + "/frame", in + "/api");
    assertThat(internalHits).hasValue(0);
    // the raw response is kept as well, without the script's text
    assertThat(fx.column("SELECT COUNT(*) FROM fetch f JOIN raw_page p ON p.sha256=f.raw_sha256 WHERE f.url='"
        + page("/story") + "'")).containsExactly("1");

    site.route("127.0.0.1", "/story", FixtureServer.Reply.html(scriptBuilt("Tram line approved again", null)));
    crawl(page("/story"));
    assertThat(fx.column("SELECT s.version FROM screenshot s JOIN article a ON a.id=s.article_id WHERE a.url='"
        + page("/story") + "' ORDER BY s.version")).containsExactly("1", "2");
  }

  @Test
  void aPageThatNeverSettlesAndABrowserKilledMidPageAreRecordedAndTheCrawlGoesOn() throws Exception {
    site.route("127.0.0.1", "/busy", FixtureServer.Reply.html(
        "<html><body><p>Spinning</p><script>while (true) {}</script></body></html>"));
    site.route("127.0.0.1", "/crash", FixtureServer.Reply.html(
        "<html><body><p>Crash</p><img src=\"/kill-browser.gif\"></body></html>"));
    site.route("127.0.0.1", "/fine", FixtureServer.Reply.html(scriptBuilt("A fine story", null)));
    site.onRequest("/kill-browser.gif", () -> {
      noteBrowsers();
      // the browser, killed while the page loads: every Chromium process under this JVM, by pid
      ProcessHandle.current().descendants()
          .filter(h -> h.info().command().map(c -> c.contains("chrom")).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
    });
    var s = fx.settings("fetch.allow.private=false", "fetch.allow.addresses=127.0.0.1", "threads=1",
        "render.timeout.ms=8000", "render.settle.ms=500", "read.timeout.ms=10000", "resumable=false");
    List<StartUrl> starts = List.of(page("/busy"), page("/crash"), page("/fine")).stream()
        .map(u -> new StartUrl(u, 0, dev.newsvault.config.Scope.HOST, u, true)).toList();
    CrawlResult r = fx.crawl(s, starts);
    noteBrowsers();

    // two of its three pages failed to render and the third was archived: the crawl went on, so the run is partial
    assertThat(r.status()).isEqualTo("partial");
    Map<String, String> outcomes = fx.outcomes();
    assertThat(outcomes).containsEntry(page("/busy"), "render_failed").containsEntry(page("/crash"), "render_failed")
        .containsEntry(page("/fine"), "ok");
    assertThat(fx.column("SELECT failure_detail FROM fetch WHERE url='" + page("/busy") + "'").get(0))
        .contains("render.timeout.ms=8000");
    assertThat(fx.column("SELECT failure_detail FROM fetch WHERE url='" + page("/crash") + "'").get(0))
        .contains("browser");
    assertThat(fx.column("SELECT COUNT(*) FROM article")).containsExactly("1");
  }

  @Test
  void aSitesHeadersAndCookiesReachThatHostOnlyInPlainAndBrowserFetches() throws Exception {
    String other = site.url("localhost", "");
    site.route("127.0.0.1", "/story", FixtureServer.Reply.html(scriptBuilt("Tram line approved", null)
        .replace("</body>", "<img src=\"" + other + "/pixel.gif\"><iframe src=\"" + other + "/frame\"></iframe>"
            + "<img src=\"/own.gif\"></body>")));
    site.route("127.0.0.1", "/hop", FixtureServer.Reply.redirect(302, other + "/landing"));
    site.route("localhost", "/landing", FixtureServer.Reply.html(NewsPages.article("Landing page", 5, List.of())));
    var s = fx.settings("fetch.allow.private=false", "fetch.allow.addresses=127.0.0.1", "threads=1",
        "render.timeout.ms=15000", "render.settle.ms=500", "resumable=false", "scope=any",
        "site.127.0.0.1.header.X-Key=env:PATH");
    Map<String, String> line = Map.of("cookie", "consent=yes;paywall=s3cret-cookie");
    List<StartUrl> starts = List.of(
        new StartUrl(page("/story"), 0, dev.newsvault.config.Scope.ANY, "seeds.txt:1", true, line),
        new StartUrl(page("/hop"), 0, dev.newsvault.config.Scope.ANY, "seeds.txt:2", false, line));
    fx.crawl(s, starts);
    noteBrowsers();

    String key = System.getenv("PATH");
    List<String> sent = site.sent();
    assertThat(sent).filteredOn(r -> r.startsWith("127.0.0.1/story")).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(r -> assertThat(r).contains("X-Key=" + key, "consent=yes", "paywall=s3cret-cookie"));
    assertThat(sent).filteredOn(r -> r.startsWith("127.0.0.1/own.gif"))
        .allSatisfy(r -> assertThat(r).contains("X-Key=" + key, "consent=yes"));
    assertThat(sent).filteredOn(r -> r.startsWith("localhost/")).extracting(r -> r.substring(0, r.indexOf(' ')))
        .contains("localhost/pixel.gif", "localhost/frame", "localhost/landing");
    assertThat(sent).filteredOn(r -> r.startsWith("localhost/"))
        .allSatisfy(r -> assertThat(r).endsWith("X-Key=null Cookie=null"));
    assertThat(java.nio.file.Files.readAllBytes(fx.db)).asString(java.nio.charset.StandardCharsets.ISO_8859_1)
        .doesNotContain("s3cret-cookie");
  }

  @Test
  void screenshotsTrueGivesAPlainPageItsPictureWhileItsTextComesFromTheRawResponse() throws Exception {
    site.route("127.0.0.1", "/plain", FixtureServer.Reply.html(NewsPages.article("Harbour wall repaired", 5, List.of())
        .replace("</body>", "<script>document.querySelector('h1').textContent = 'Changed by a script';</script>"
            + "</body>")));
    var s = fx.settings("fetch.allow.private=false", "fetch.allow.addresses=127.0.0.1", "screenshots=true",
        "render.settle.ms=500", "resumable=false");
    fx.crawl(s, List.of(StartUrl.of(page("/plain"), s)));
    noteBrowsers();
    assertThat(fx.outcomes()).containsEntry(page("/plain"), "ok");
    assertThat(fx.column("SELECT title FROM article_version")).containsExactly("Harbour wall repaired");
    assertThat(fx.column("SELECT for_text FROM fetch_render")).containsExactly("0");
    assertThat(fx.column("SELECT media_type FROM screenshot")).containsExactly("image/webp");
  }

  @Test
  void aPlainCrawlKeepsAScriptBuiltPageWithoutText() throws Exception {
    site.route("127.0.0.1", "/story", FixtureServer.Reply.html(scriptBuilt("Tram line approved", null)));
    var s = fx.settings("resumable=false");
    fx.crawl(s, List.of(StartUrl.of(page("/story"), s)));
    assertThat(fx.outcomes()).containsEntry(page("/story"), "ok");
    assertThat(fx.column("SELECT COUNT(*) FROM article")).containsExactly("0");
    assertThat(fx.column("SELECT COUNT(*) FROM fetch_render")).containsExactly("0");
  }
}

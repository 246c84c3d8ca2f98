package dev.newsvault.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageFetcherTest {

  private static final String PAGE = "<!doctype html><html><body><p>Story</p></body></html>";

  private final MockWebServer server = new MockWebServer();
  private Map<String, MockResponse> routes;

  @BeforeEach
  void start() throws Exception {
    routes = new java.util.concurrent.ConcurrentHashMap<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        MockResponse r = routes.get(request.getPath());
        return r != null ? r : new MockResponse().setResponseCode(404).setBody("not here");
      }
    });
    server.start();
    routes.put("/robots.txt", new MockResponse().setBody("User-agent: *\nDisallow: /private/\n"));
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private PageFetcher fetcher(String... sets) {
    Map<String, String> o = new java.util.HashMap<>(Map.of("politeness.delay.ms", "0", "read.timeout.ms", "500",
        "connect.timeout.ms", "1000", "max.page.bytes", "10000", "max.redirects", "3", "fetch.allow.private", "true"));
    for (String s : sets) {
      var e = ConfigLoader.parseOverride(s);
      o.put(e.getKey(), e.getValue());
    }
    Settings settings = ConfigLoader.load(null, false, o);
    OkHttpClient client = HttpClients.create(settings);
    HostGate gate = new HostGate(settings.politenessDelayMs());
    return new PageFetcher(client, settings, gate, new RobotsPolicy(client, settings, gate));
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private static MockResponse html(String body) {
    return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(body);
  }

  @Test
  void fetchesAPageWithItsValidatorsAndHeaders() throws Exception {
    routes.put("/a", html(PAGE).setHeader("ETag", "\"v1\"").setHeader("Last-Modified", "Mon, 02 Mar 2026 10:00:00 GMT"));
    Capture c = fetcher().fetch(url("/a"), Validators.NONE);
    assertThat(c.ok()).isTrue();
    assertThat(c.status()).isEqualTo(200);
    assertThat(new String(c.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
    assertThat(c.etag()).isEqualTo("\"v1\"");
    assertThat(c.headers()).containsEntry("last-modified", "Mon, 02 Mar 2026 10:00:00 GMT");
  }

  @Test
  void sendsConditionalHeadersAndRecordsNotModified() throws Exception {
    routes.put("/a", new MockResponse().setResponseCode(304).setHeader("ETag", "\"v1\""));
    Capture c = fetcher().fetch(url("/a"), new Validators("\"v1\"", "Mon, 02 Mar 2026 10:00:00 GMT"));
    assertThat(c.ok()).isTrue();
    assertThat(c.status()).isEqualTo(304);
    assertThat(c.body()).isNull();
    RecordedRequest robots = server.takeRequest();
    assertThat(robots.getPath()).isEqualTo("/robots.txt");
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeader("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(sent.getHeader("If-Modified-Since")).isEqualTo("Mon, 02 Mar 2026 10:00:00 GMT");
    assertThat(sent.getHeader("User-Agent")).startsWith("newsvault/");
  }

  @Test
  void followsRedirectsAndRecordsTheFinalUrl() throws Exception {
    routes.put("/old", new MockResponse().setResponseCode(301).setHeader("Location", "/new"));
    routes.put("/new", html(PAGE));
    Capture c = fetcher().fetch(url("/old"), Validators.NONE);
    assertThat(c.ok()).isTrue();
    assertThat(c.url()).isEqualTo(url("/old"));
    assertThat(c.finalUrl()).isEqualTo(url("/new"));
  }

  @Test
  void redirectLoopIsRecordedNotFollowedForever() throws Exception {
    routes.put("/a", new MockResponse().setResponseCode(302).setHeader("Location", "/b"));
    routes.put("/b", new MockResponse().setResponseCode(302).setHeader("Location", "/a"));
    Capture c = fetcher().fetch(url("/a"), Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.REDIRECT_LOOP);
    assertThat(c.failure().detail()).contains("/a").contains("/b");
  }

  @Test
  void tooManyRedirectsIsRecorded() throws Exception {
    for (int i = 0; i < 6; i++) {
      routes.put("/r" + i, new MockResponse().setResponseCode(302).setHeader("Location", "/r" + (i + 1)));
    }
    Capture c = fetcher().fetch(url("/r0"), Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.REDIRECT_LOOP);
    assertThat(c.failure().detail()).contains("max.redirects");
  }

  @Test
  void clientAndServerErrorsAreRecordedByKind() throws Exception {
    routes.put("/gone", new MockResponse().setResponseCode(410));
    routes.put("/boom", new MockResponse().setResponseCode(503));
    PageFetcher f = fetcher();
    assertThat(f.fetch(url("/gone"), Validators.NONE).failure().kind()).isEqualTo(FetchFailure.Kind.HTTP_4XX);
    Capture boom = f.fetch(url("/boom"), Validators.NONE);
    assertThat(boom.failure().kind()).isEqualTo(FetchFailure.Kind.HTTP_5XX);
    assertThat(boom.status()).isEqualTo(503);
  }

  @Test
  void nonHtmlIsSkippedWithoutReadingTheBody() throws Exception {
    routes.put("/doc.bin", new MockResponse().setHeader("Content-Type", "application/pdf").setBody("%PDF-1.4"));
    Capture c = fetcher().fetch(url("/doc.bin"), Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.NOT_HTML);
    assertThat(c.body()).isNull();
  }

  @Test
  void xhtmlCountsAsHtml() throws Exception {
    routes.put("/x", new MockResponse().setHeader("Content-Type", "application/xhtml+xml").setBody(PAGE));
    assertThat(fetcher().fetch(url("/x"), Validators.NONE).ok()).isTrue();
  }

  @Test
  void oversizedPagesAreRecordedAsTooLargeWhetherDeclaredOrChunked() throws Exception {
    String big = "<html><body>" + "x".repeat(20_000) + "</body></html>";
    routes.put("/declared", html(big));
    routes.put("/chunked", html("").setChunkedBody(big, 1024));
    PageFetcher f = fetcher();
    Capture declared = f.fetch(url("/declared"), Validators.NONE);
    Capture chunked = f.fetch(url("/chunked"), Validators.NONE);
    assertThat(declared.failure().kind()).isEqualTo(FetchFailure.Kind.TOO_LARGE);
    assertThat(chunked.failure().kind()).isEqualTo(FetchFailure.Kind.TOO_LARGE);
    assertThat(chunked.body()).isNull();
  }

  @Test
  void gzipBombIsStoppedAtTheSizeLimit() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros);
      }
    }
    routes.put("/bomb", new MockResponse().setHeader("Content-Type", "text/html").setHeader("Content-Encoding", "gzip")
        .setBody(new Buffer().write(zipped.toByteArray())));
    Capture c = fetcher().fetch(url("/bomb"), Validators.NONE);
    assertThat(zipped.size()).isLessThan(10_000_000);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.TOO_LARGE);
  }

  @Test
  void slowServerIsRecordedAsTimeout() throws Exception {
    routes.put("/slow", html(PAGE).setBodyDelay(3, TimeUnit.SECONDS));
    Capture c = fetcher().fetch(url("/slow"), Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.TIMEOUT);
    assertThat(c.failure().detail()).contains("read.timeout.ms=500");
  }

  @Test
  void robotsDisallowedPagesAreNeverRequested() throws Exception {
    routes.put("/private/x", html(PAGE));
    Capture c = fetcher().fetch(url("/private/x"), Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.ROBOTS);
    assertThat(c.failure().detail()).contains("does not allow", "/private/x");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getPath()).isEqualTo("/robots.txt");
  }

  @Test
  void serverErrorOnRobotsTxtMeansDisallowForNow() throws Exception {
    routes.put("/robots.txt", new MockResponse().setResponseCode(503));
    routes.put("/a", html(PAGE));
    Capture c = fetcher().fetch(url("/a"), Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.ROBOTS_UNAVAILABLE);
    // The record says robots.txt was unreadable, not that it forbade the page.
    assertThat(c.failure().detail()).contains("could not be read", "HTTP 503").doesNotContain("does not allow");
  }

  @Test
  void missingRobotsTxtAllowsEverything() throws Exception {
    routes.remove("/robots.txt");
    routes.put("/private/x", html(PAGE));
    assertThat(fetcher().fetch(url("/private/x"), Validators.NONE).ok()).isTrue();
  }

  @Test
  void badUrlIsRecordedNotThrown() throws Exception {
    Capture c = fetcher().fetch("ftp://example.invalid/x", Validators.NONE);
    assertThat(c.failure().kind()).isEqualTo(FetchFailure.Kind.BAD_URL);
  }
}

package dev.newsvault.crawl;

import static dev.newsvault.crawl.FixtureServer.Reply.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.crawl.FixtureServer.Reply;
import dev.newsvault.config.Settings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad page is recorded with its reason, and none of them stops the crawl. */
class CrawlFailuresTest {

  private static final String H = "127.0.0.1";
  private static final int MAX = 20_000;

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

  private static String bigHtml() {
    return NewsPages.article("Very long story", 200, List.of());
  }

  private static byte[] gzip(byte[] b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void eachBadPageIsRecordedWithItsReasonAndTheCrawlGoesOn() throws Exception {
    Map<String, Reply> bad = new java.util.LinkedHashMap<>();
    bad.put("/missing", Reply.of(404, "text/html", FixtureServer.bytes("<h1>gone</h1>")));
    bad.put("/broken", Reply.of(500, "text/html", FixtureServer.bytes("<h1>oops</h1>")));
    bad.put("/slow", html(NewsPages.article("Slow", 3, List.of())).delayed(6000));
    bad.put("/loop-a", Reply.redirect(302, "/loop-b"));
    bad.put("/loop-b", Reply.redirect(302, "/loop-a"));
    bad.put("/report", Reply.of(200, "application/pdf", "%PDF-1.4 not a page".getBytes(StandardCharsets.US_ASCII)));
    bad.put("/big", html(bigHtml()));
    bad.put("/big-chunked", html(bigHtml()).asChunked());
    bad.put("/big-gzip", Reply.of(200, "text/html; charset=utf-8", gzip(FixtureServer.bytes(bigHtml())))
        .header("Content-Encoding", "gzip"));
    bad.put("/mystery-charset", Reply.of(200, "text/html; charset=x-no-such-charset",
        ("<html><body><p>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e</p></body></html>").getBytes(StandardCharsets.ISO_8859_1)));
    bad.put("/binary", Reply.of(200, "text/html", new byte[] {'<', 'h', 't', 0, 0, 1, 2, 3, (byte) 0xff, 0}));
    bad.put("/malformed", Reply.of(200, "text/html", FixtureServer.bytes(malformed())));
    bad.put("/xhtml", Reply.of(200, "application/xhtml+xml; charset=utf-8",
        FixtureServer.bytes(NewsPages.article("Served as XHTML", 4, List.of()))));
    bad.put("/good", html(NewsPages.article("A good story", 4, List.of())));
    bad.forEach((path, reply) -> server.route(H, path, reply));
    List<String> links = bad.keySet().stream().filter(p -> !p.equals("/loop-b")).toList();
    server.route(H, "/", html(NewsPages.section("Home", links)));

    // A read timeout far above a loaded machine's response time, far below the slow page's delay.
    Settings s = fx.settings("read.timeout.ms=2000", "max.page.bytes=" + MAX, "max.redirects=3", "threads=4");
    CrawlResult r = fx.crawl(s, List.of(StartUrl.of(server.url(H, "/"), s)));

    assertThat(r.status()).isEqualTo("partial"); // it ran to the end; some pages failed
    Map<String, String> o = fx.outcomes();
    assertThat(o).containsEntry(server.url(H, "/missing"), "http_4xx")
        .containsEntry(server.url(H, "/broken"), "http_5xx")
        .containsEntry(server.url(H, "/slow"), "timeout")
        .containsEntry(server.url(H, "/loop-a"), "redirect_loop")
        .containsEntry(server.url(H, "/report"), "not_html")
        .containsEntry(server.url(H, "/big"), "too_large")
        .containsEntry(server.url(H, "/big-chunked"), "too_large")
        .containsEntry(server.url(H, "/big-gzip"), "too_large")
        .containsEntry(server.url(H, "/mystery-charset"), "charset")
        .containsEntry(server.url(H, "/binary"), "parse")
        .containsEntry(server.url(H, "/malformed"), "ok")
        .containsEntry(server.url(H, "/xhtml"), "ok")
        .containsEntry(server.url(H, "/good"), "ok");
    assertThat(fx.column("SELECT url FROM article ORDER BY url")).containsExactly(server.url(H, "/good"),
        server.url(H, "/malformed"), server.url(H, "/xhtml"));
    assertThat(fx.column("SELECT failure_detail FROM fetch WHERE url LIKE '%/slow'").get(0)).contains("read.timeout.ms");
    assertThat(fx.column("SELECT failure_detail FROM fetch WHERE url LIKE '%/big-chunked'").get(0))
        .contains("max.page.bytes");
    // Nothing truncated is ever stored: no raw page reaches the size limit.
    assertThat(fx.column("SELECT COUNT(*) FROM raw_page WHERE size >= " + MAX)).containsExactly("0");
    // A failed page loses nothing that was received: the mis-declared page's raw bytes are kept.
    assertThat(fx.column("SELECT raw_sha256 IS NOT NULL FROM fetch WHERE url LIKE '%/mystery-charset'"))
        .containsExactly("1");
    assertThat(r.progress().failed()).isEqualTo(9);
    assertThat(r.progress().skipped()).isEqualTo(1);
    assertThat(fx.column("SELECT fetched || '/' || archived || '/' || skipped || '/' || failed FROM crawl_run"))
        .containsExactly("14/4/1/9");
  }

  private static String malformed() {
    StringBuilder b = new StringBuilder("<html><head><title>Unclosed <b>tags</title><body><div><div><article>");
    b.append("<h1>Council approves budget<h1><p>By Jane Reporter");
    for (int i = 0; i < 6; i++) {
      b.append("<p>The council approved the budget after a long debate that ran past midnight, with members"
          + " arguing over the cost of road repairs, school meals and the new library <i>in paragraph ")
          .append(i).append("</b> & more");
    }
    return b.append("</div><table><tr><td>stray cell</article>").toString();
  }
}

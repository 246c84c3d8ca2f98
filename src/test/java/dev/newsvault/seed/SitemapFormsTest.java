package dev.newsvault.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.fetch.HostGate;
import dev.newsvault.fetch.HttpClients;
import dev.newsvault.fetch.PageFetcher;
import dev.newsvault.fetch.RobotsPolicy;
import dev.newsvault.fetch.Validators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sitemaps in every form a site serves them, and how many failing sitemaps are reported. */
class SitemapFormsTest {

  FixtureServer web;
  SeedExpander expander;

  @BeforeEach
  void start() throws Exception {
    web = new FixtureServer();
    Settings settings = ConfigLoader.load(null, false,
        Map.of("politeness.delay.ms", "0", "fetch.allow.private", "true"));
    OkHttpClient client = HttpClients.create(settings);
    HostGate gate = new HostGate(0);
    RobotsPolicy robots = new RobotsPolicy(client, settings, gate);
    PageFetcher fetcher = new PageFetcher(client, settings, gate, robots);
    expander = new SeedExpander((u, v) -> fetcher.fetch(u, v, false), robots::sitemaps, u -> Validators.NONE,
        ExpansionLimits.from(settings));
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
  }

  private String xml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>" + web.url("/news/one") + "</loc></url><url><loc>" + web.url("/news/two") + "</loc></url>"
        + "</urlset>";
  }

  private String text() {
    return web.url("/news/one") + "\n" + web.url("/news/two") + "\n";
  }

  /** Every combination of XML or text, gzipped or not, under the Content-Types servers really send. */
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "/sitemap.xml, application/xml, xml, false",
      "/sitemap.xml, text/plain, xml, false",
      "/sitemap.xml.gz, application/x-gzip, xml, true",
      "/sitemap.xml.gz, application/octet-stream, xml, true",
      "/sitemap.txt, text/plain, text, false",
      "/sitemap.txt, application/octet-stream, text, false",
      "/sitemap.txt.gz, application/x-gzip, text, true",
      "/sitemap.txt.gz, application/gzip, text, true",
      "/sitemap.txt.gz, text/plain, text, true"})
  void everySitemapFormIsRead(String path, String contentType, String kind, boolean gzip) throws Exception {
    byte[] body = ("xml".equals(kind) ? xml() : text()).getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      body = gzip(body);
    }
    web.route(path, new MockResponse().setHeader("Content-Type", contentType)
        .setBody(new okio.Buffer().write(body)));
    Expansion e = expander.expand(web.url(path), null, "news.txt:1");

    assertThat(e.warnings()).isEmpty();
    assertThat(e.kind()).isEqualTo(SeedType.SITEMAP);
    assertThat(e.urls()).extracting(DiscoveredUrl::url).containsExactlyInAnyOrder(web.url("/news/one"),
        web.url("/news/two"));
  }

  @Test
  void fifteenUnreachableSitemapsOfAnIndexAreOneWarning() throws Exception {
    StringBuilder index = new StringBuilder("<?xml version=\"1.0\"?>\n"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (int i = 1; i <= 15; i++) {
      index.append("<sitemap><loc>").append(web.url("/sitemaps/part-" + i + ".xml")).append("</loc></sitemap>");
      web.route("/sitemaps/part-" + i + ".xml", new MockResponse().setResponseCode(503));
    }
    web.route("/sitemap_index.xml", "application/xml", index.append("</sitemapindex>").toString());
    Expansion e = expander.expand(web.url("/sitemap_index.xml"), null, "news.txt:2");

    assertThat(e.warnings()).singleElement().asString()
        .contains("news.txt:2", "15 sitemaps could not be fetched", "http_5xx", web.url("/sitemaps/part-"),
            "and 12 more");
  }

  @Test
  void oneUnreachableSitemapIsNamedWithItsReason() throws Exception {
    web.route("/sitemap_index.xml", "application/xml", "<?xml version=\"1.0\"?>\n"
        + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
        + web.url("/gone.xml") + "</loc></sitemap></sitemapindex>");
    web.route("/gone.xml", new MockResponse().setResponseCode(404));
    Expansion e = expander.expand(web.url("/sitemap_index.xml"), null, "news.txt:3");

    assertThat(e.warnings()).singleElement().asString()
        .contains("news.txt:3", "sitemap " + web.url("/gone.xml") + " could not be fetched", "404");
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }
}

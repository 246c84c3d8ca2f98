package dev.newsvault.hostile;

import static dev.newsvault.hostile.RawSite.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery attacks: robots.txt that fails, redirects in a loop or is huge; feeds with external entities or
 * an entity bomb; sitemaps that expand to a bomb or index themselves forever. The hostile source is on its own
 * server (its own origin) so that the normal article beside it, on another, shows the crawl went on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileDiscoveryTest {

  @RegisterExtension static final NormalSite normal = new NormalSite();
  private RawSite hostile;
  private Vault vault;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    hostile = new RawSite();
    hostile.html("/story", Vault.article("Ferry fares rise in spring", ""));
    vault = Vault.copyOf(normal.template(), dir);
  }

  @AfterEach
  void stop() {
    hostile.close();
  }

  private Vault.Run crawl(String hostileSeed) throws Exception {
    Vault.Run r = vault.crawl(List.of(hostileSeed, normal.site().url("/normal")));
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(vault.versions(normal.site().url("/normal"))).as(r.all()).isEqualTo(1);
    vault.earlierKept(normal.site());
    return r;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRobotsTxtServerErrorHoldsOffThatSiteOnly() throws Exception {
    hostile.route("/robots.txt", RawSite.answer(503, Map.of(), utf8("busy")));
    crawl(hostile.url("/story"));
    Vault.Fetch f = vault.fetch(hostile.url("/story"));
    assertThat(f.kind()).isEqualTo("robots_unavailable");
    assertThat(f.detail()).contains("robots.txt of 127.0.0.1 could not be read", "HTTP 503", "RFC 9309");
    assertThat(hostile.hits("/story")).isZero();
  }

  @Test
  void aRobotsTxtThatAnswersButTricklesPastTheReadTimeoutIsARobotsFailureNotAnUnreachableHost() throws Exception {
    hostile.route("/robots.txt", (socket, out) -> {
      RawSite.head(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n");
      out.write("User-agent: *\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(4_000); // past read.timeout.ms=1500
    });
    crawl(hostile.url("/story"));
    Vault.Fetch f = vault.fetch(hostile.url("/story"));
    assertThat(f.kind()).isEqualTo("robots_unavailable");
    assertThat(f.detail()).contains("could not be read", "HTTP 200", "body could not be read");
    assertThat(hostile.hits("/story")).isZero();
  }

  @Test
  void aRobotsTxtRedirectLoopHoldsOffThatSiteOnly() throws Exception {
    hostile.route("/robots.txt", redirect("/robots2.txt"));
    hostile.route("/robots2.txt", redirect("/robots.txt"));
    crawl(hostile.url("/story"));
    Vault.Fetch f = vault.fetch(hostile.url("/story"));
    assertThat(f.kind()).isEqualTo("robots_unavailable");
    assertThat(f.detail()).contains("could not be read");
    assertThat(hostile.hits("/story")).isZero();
  }

  @Test
  void aHugeRobotsTxtIsReadOnlyUpToItsLimit() throws Exception {
    // 20 MB of rules; a Disallow for /story after the first 500 KiB is never read.
    String rules = "User-agent: *\n" + "Disallow: /private-page-xxxxxxxxxxxx\n".repeat(500_000) + "Disallow: /story\n";
    hostile.route("/robots.txt", RawSite.ok("text/plain", utf8(rules)));
    crawl(hostile.url("/story"));
    assertThat(vault.versions(hostile.url("/story"))).isEqualTo(1);
  }

  @Test
  void aFeedWithAnExternalEntityIsRefusedAndNothingLocalLeaks() throws Exception {
    hostile.route("/feed.xml", RawSite.ok("application/rss+xml", utf8("<?xml version=\"1.0\"?>"
        + "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel>"
        + "<title>&xxe;</title><link>" + hostile.url("/") + "</link><description>d</description>"
        + "<item><title>&xxe;</title><link>" + hostile.url("/story") + "</link></item></channel></rss>")));
    Vault.Run r = crawl(hostile.url("/feed.xml") + "\ttype=feed");
    assertThat(r.all()).doesNotContain("root:x:0:0");
    assertThat(vault.count("SELECT count(*) FROM feed_entry WHERE coalesce(title, '') LIKE ?", "%root:%")).isZero();
    assertThat(vault.versions(hostile.url("/story"))).isZero();
    assertThat(vault.run("status").out()).contains(hostile.url("/feed.xml")).doesNotContain("root:x:0:0");
  }

  @Test
  void aFeedEntityBombIsRefused() throws Exception {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    doctype.append("]>");
    hostile.route("/feed.xml", RawSite.ok("application/rss+xml", utf8("<?xml version=\"1.0\"?>" + doctype
        + "<rss version=\"2.0\"><channel><title>&lol9;</title><link>" + hostile.url("/") + "</link>"
        + "<description>d</description><item><title>x</title><link>" + hostile.url("/story")
        + "</link></item></channel></rss>")));
    crawl(hostile.url("/feed.xml") + "\ttype=feed");
    assertThat(vault.versions(hostile.url("/story"))).isZero();
    assertThat(vault.count("SELECT count(*) FROM feed_source WHERE url = ? AND problem IS NOT NULL",
        hostile.url("/feed.xml"))).isEqualTo(1);
  }

  @Test
  void aGzippedSitemapBombStopsAtMaxPageBytes() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(utf8("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
          + "<url><loc>" + hostile.url("/story") + "</loc></url>"));
      byte[] pad = utf8("<!-- " + " ".repeat(64 * 1024 - 9) + " -->");
      for (int i = 0; i < 16 * 50; i++) { // 50 MiB of comment
        out.write(pad);
      }
      out.write(utf8("</urlset>"));
    }
    hostile.route("/sitemap.xml.gz", RawSite.ok("application/gzip", gz.toByteArray()));
    Vault.Run r = crawl(hostile.url("/sitemap.xml.gz") + "\ttype=sitemap");
    assertThat(r.all()).doesNotContain("OutOfMemoryError");
    assertThat(vault.count("SELECT count(*) FROM feed_source WHERE url = ? AND problem IS NOT NULL",
        hostile.url("/sitemap.xml.gz"))).as(r.all()).isEqualTo(1);
  }

  @Test
  void aSitemapIndexThatListsItselfEndsAtTheLimits() throws Exception {
    String index = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<sitemap><loc>" + hostile.url("/sitemap.xml") + "</loc></sitemap>"
        + "<sitemap><loc>" + hostile.url("/sitemap-a.xml") + "</loc></sitemap></sitemapindex>";
    hostile.route("/sitemap.xml", RawSite.ok("application/xml", utf8(index)));
    hostile.route("/sitemap-a.xml", RawSite.ok("application/xml", utf8(index.replace("sitemap-a.xml",
        "sitemap-b.xml"))));
    hostile.route("/sitemap-b.xml", RawSite.ok("application/xml", utf8(
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<url><loc>" + hostile.url("/story") + "</loc></url></urlset>")));
    crawl(hostile.url("/sitemap.xml") + "\ttype=sitemap");
    assertThat(hostile.hits("/sitemap.xml")).isLessThanOrEqualTo(2);
    assertThat(vault.versions(hostile.url("/story"))).isEqualTo(1);
  }
}

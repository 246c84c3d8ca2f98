package dev.newsvault.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlSafetyTest {

  @TempDir Path dir;

  private byte[] xxe(String resource) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-MARKER");
    return FixtureServer.read(resource).replace("{{SECRET}}", secret.toUri().toString())
        .replace("{{BASE}}", "http://127.0.0.1:9").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void feedWithExternalEntityIsRefusedAndTheFileIsNeverRead() throws Exception {
    byte[] body = xxe("xxe-feed.xml");
    assertThatThrownBy(() -> new FeedReader().read(body, "application/rss+xml", "http://127.0.0.1:9/feed"))
        .isInstanceOf(NotAFeedException.class)
        .hasMessageContaining("http://127.0.0.1:9/feed")
        .hasMessageNotContaining("TOP-SECRET-MARKER");
  }

  @Test
  void sitemapWithExternalEntityIsRefusedAndTheFileIsNeverRead() throws Exception {
    byte[] body = xxe("xxe-sitemap.xml");
    assertThatThrownBy(() -> new SitemapReader(1 << 20).read(body, "application/xml", "http://127.0.0.1:9/s.xml"))
        .isInstanceOf(NotAFeedException.class)
        .hasMessageNotContaining("TOP-SECRET-MARKER");
  }

  @Test
  void billionLaughsFeedIsRefusedWithoutExpanding() throws Exception {
    byte[] body = FixtureServer.read("billion-laughs-feed.xml").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new FeedReader().read(body, "application/rss+xml", "http://a.test/feed"))
        .isInstanceOf(NotAFeedException.class)
        .hasMessageContaining("http://a.test/feed")
        .hasMessageNotContaining("lollollol");
  }

  @Test
  void billionLaughsSitemapIsRefusedWithoutExpanding() throws Exception {
    byte[] body = FixtureServer.read("billion-laughs-sitemap.xml").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new SitemapReader(1 << 20).read(body, "application/xml", "http://a.test/s.xml"))
        .isInstanceOf(NotAFeedException.class)
        .hasMessageNotContaining("lollollol");
  }

  @Test
  void gzipBombSitemapIsRefusedAtTheByteLimit() throws Exception {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(buf)) {
      gz.write("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">".getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 8; i++) {
        gz.write(spaces);
      }
    }
    assertThat(buf.size()).isLessThan(100_000);
    assertThatThrownBy(() -> new SitemapReader(1 << 20).read(buf.toByteArray(), "application/x-gzip",
        "http://a.test/s.xml.gz"))
        .isInstanceOf(NotAFeedException.class)
        .hasMessageContaining("inflates to more than max.page.bytes=1048576");
  }
}

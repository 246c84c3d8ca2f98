package dev.newsvault.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedCharsetTest {

  private static final String FEED = "<rss version=\"2.0\"><channel><title>Les nouvelles du café</title>"
      + "<item><title>Été : la fête du village réunit les élèves</title>"
      + "<link>https://example.org/ete</link></item></channel></rss>";

  @Test
  void latin1FeedWithoutXmlDeclarationKeepsItsAccents() throws Exception {
    ParsedFeed feed = new FeedReader().read(FEED.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml",
        "https://example.org/feed");
    assertThat(feed.title()).isEqualTo("Les nouvelles du café");
    assertThat(feed.entries().get(0).title()).isEqualTo("Été : la fête du village réunit les élèves");
  }

  @Test
  void declaredEncodingIsStillHonoured() throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + FEED;
    ParsedFeed feed = new FeedReader().read(xml.getBytes(StandardCharsets.ISO_8859_1), null, "https://example.org/feed");
    assertThat(feed.entries().get(0).title()).contains("Été");
  }

  @Test
  void utf8FeedWithoutDeclarationIsRead() throws Exception {
    ParsedFeed feed = new FeedReader().read(FEED.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
        "https://example.org/feed");
    assertThat(feed.entries().get(0).title()).startsWith("Été");
  }
}

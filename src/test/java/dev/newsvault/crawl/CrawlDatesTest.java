package dev.newsvault.crawl;

import static dev.newsvault.crawl.FixtureServer.Reply.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The date fixtures ({@code src/test/resources/dates}) crawled over HTTP from 127.0.0.1, each at its own path
 * (the URL kinds at dated paths): the archive keeps the page's own day and where it was read.
 */
class CrawlDatesTest {

  private static final String H = "127.0.0.1";

  @TempDir Path dir;

  @Test
  void aCrawlArchivesEachPagesDayAndDateSource() throws Exception {
    Map<String, String> want = new LinkedHashMap<>();
    List<String> links = new ArrayList<>();
    try (FixtureServer server = new FixtureServer()) {
      for (String line : resource("expected.psv").split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|");
        server.route(H, f[1], html(resource(f[0])));
        links.add(f[1]);
        want.put(server.url(H, f[1]), f[2] + " " + f[3]);
      }
      server.route(H, "/", html(NewsPages.section("Dates", links)));
      CrawlFixture fx = new CrawlFixture(dir);
      // one word is enough: a Japanese or Chinese story has few space-separated words
      Settings s = fx.settings("max.depth=1", "article.min.words=1");

      fx.crawl(s, List.of(StartUrl.of(server.url(H, "/"), s)));

      Map<String, String> got = new LinkedHashMap<>();
      for (Map<String, Object> r : fx.rows("SELECT a.url, v.published, v.date_source FROM article a"
          + " JOIN article_version v ON v.article_id = a.id AND v.version = a.current_version")) {
        Object published = r.get("published");
        Object source = r.get("date_source");
        got.put((String) r.get("url"), (published == null ? "-" : published.toString().substring(0, 10)) + " "
            + (source == null ? "-" : source));
      }
      assertThat(got).containsExactlyInAnyOrderEntriesOf(want);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CrawlDatesTest.class.getResourceAsStream("/dates/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package dev.newsvault.crawl;

import static dev.newsvault.crawl.FixtureServer.Reply.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.Words;
import dev.newsvault.config.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an upgrade the extractor may read the same page differently. A crawl that meets an article archived by
 * an older extractor (simulated by rewriting its stored text and hashes in the SQLite file, as that extractor
 * would have stored them) must not store a new version or queue a notice while the page is unchanged; a real
 * edit of the page is still a new version.
 */
class CrawlAfterUpgradeTest {

  private static final String H = "127.0.0.1";
  private static final String TITLE = "Harbour cranes sold to a private operator";

  @TempDir Path dir;

  @Test
  void anUnchangedPageArchivedByAnOlderExtractorGetsNoNewVersionAndNoNotice() throws Exception {
    try (FixtureServer server = new FixtureServer()) {
      server.route(H, "/story", html(NewsPages.article(TITLE, 5, List.of())));
      CrawlFixture fx = new CrawlFixture(dir);
      Settings s = fx.settings("max.depth=0");
      List<StartUrl> start = List.of(StartUrl.of(server.url(H, "/story"), s));
      fx.crawl(s, start);
      assertThat(versions(fx)).isEqualTo(1);

      String older = archivedByAnOlderExtractor(fx);
      fx.crawl(s, start);

      assertThat(versions(fx)).as("no new version for the same page").isEqualTo(1);
      assertThat(fx.column("SELECT count(*) FROM notice")).containsExactly("0");
      assertThat(fx.column("SELECT text FROM article_version")).containsExactly(older);
      assertThat(fx.column("SELECT count(*) FROM fetch WHERE url LIKE '%/story'")).containsExactly("2");

      // a real edit is a change, as always
      server.route(H, "/story", html(NewsPages.article(TITLE, 6, List.of())));
      fx.crawl(s, start);
      assertThat(versions(fx)).isEqualTo(2);
      assertThat(fx.column("SELECT count(*) FROM notice")).containsExactly("1");
    }
  }

  private static int versions(CrawlFixture fx) throws Exception {
    return Integer.parseInt(fx.column("SELECT count(*) FROM article_version").get(0));
  }

  /** Rewrites version 1 as an extractor that lost the story's first paragraph would have stored it. */
  private static String archivedByAnOlderExtractor(CrawlFixture fx) throws Exception {
    Map<String, Object> v = fx.rows("SELECT article_id, text FROM article_version WHERE version=1").get(0);
    String text = (String) v.get("text");
    String older = text.substring(text.indexOf("\n\n") + 2);
    assertThat(older).isNotEqualTo(text).isNotBlank();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fx.db);
        PreparedStatement ps = c.prepareStatement("UPDATE article_version SET text=?, text_sha256=?, word_count=?,"
            + " markdown=NULL WHERE article_id=? AND version=1")) {
      ps.setString(1, older);
      ps.setString(2, ContentHash.ofText(older).toString());
      ps.setInt(3, Words.count(older));
      ps.setObject(4, v.get("article_id"));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    return older;
  }
}

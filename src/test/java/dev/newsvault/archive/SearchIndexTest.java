package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FTS5 index of schema 60: built for archives written before it, and kept in step by triggers. */
class SearchIndexTest {

  @TempDir Path dir;

  private static void store(Archive a, long run, String url, String title, String text) throws Exception {
    Capture c = new Capture(url, url, 200, Instant.parse("2026-02-03T04:05:06Z"), 5, "text/html", null, null,
        Map.of(), ("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8), null);
    a.store(run, c, new Article(url, url, title, List.of(), null, null, null, "en", null, List.of(), null, text));
  }

  private static long hits(Path db, String q) throws Exception {
    try (ReadPool pool = ReadPool.open(db, 1)) {
      return new SearchQueries(pool).search(new SearchQuery(q, null, null, null, null, false, true, false, 1)).total();
    }
  }

  private static void integrityCheck(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("INSERT INTO article_search(article_search, rank) VALUES ('integrity-check', 1)");
    }
  }

  @Test
  void anArchiveFromBeforeTheIndexIsIndexedWhenItIsOpened() throws Exception {
    Path db = dir.resolve("old.db");
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "t");
      store(a, run, "http://news.test/a", "Bridge reopens", "The old bridge reopened to traffic on Monday.");
      store(a, run, "http://news.test/b", "Ferry strike", "Ferry workers went on strike over pay.");
      store(a, run, "http://news.test/a", "Bridge reopens", "The old bridge reopened to lorries on Monday.");
    }
    // Take the archive back to schema 30, as an older newsvault left it: whatever later migrations added goes.
    OlderSchema.rollBackTo(db, 30);
    assertThatThrownBy(() -> ReadPool.open(db, 1)).hasMessageContaining("older schema");

    ReadPool.upgradeIfOlder(db);

    assertThat(hits(db, "bridge")).isEqualTo(2);
    assertThat(hits(db, "lorries")).isEqualTo(1);
    assertThat(hits(db, "\"ferry workers\"")).isEqualTo(1);
    assertThat(hits(db, "tram")).isZero();
    integrityCheck(db);
  }

  @Test
  void versionsWrittenAfterwardsAreSearchableAtOnceAndTheIndexStaysConsistent() throws Exception {
    Path db = dir.resolve("new.db");
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "t");
      store(a, run, "http://news.test/a", "Harbour news", "Dredging of the harbour begins.");
      a.flush();
      assertThat(hits(db, "dredging")).isEqualTo(1);
      store(a, run, "http://news.test/a", "Harbour news", "Dredging of the harbour is delayed.");
      a.flush();
      assertThat(hits(db, "delayed")).isEqualTo(1);
      assertThat(hits(db, "dredging")).isEqualTo(2);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      // A write that is rolled back (as after a crash) leaves neither the version nor its index entry.
      c.setAutoCommit(false);
      st.execute("UPDATE article_version SET text = 'Completely different words about trams' WHERE version = 1");
      c.rollback();
      st.execute("UPDATE article_version SET title = 'Harbour news, corrected' WHERE version = 2");
      c.commit();
    }
    assertThat(hits(db, "trams")).isZero();
    assertThat(hits(db, "corrected")).isEqualTo(1);
    integrityCheck(db);
  }

  @Test
  void anIndexFromSchema60IsMadeAgainWithPrefixesAndStaysInStep() throws Exception {
    Path db = dir.resolve("schema80.db");
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "t");
      store(a, run, "http://news.test/a", "Dredging delayed", "Dredging of the harbour is delayed again.");
      store(a, run, "http://news.test/b", "Drought", "A drought hit the farms.");
    }
    // Schema 80 as an older newsvault left it, with the index as schema 60 made it (no prefix index).
    OlderSchema.rollBackTo(db, 80);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      for (String t : List.of("insert", "delete", "update")) {
        st.execute("DROP TRIGGER article_search_" + t);
      }
      st.execute("DROP TABLE article_search");
      MigrationProgress.register(c);
      for (String sql : Migrations.statements(new String(getClass().getResourceAsStream("/db/V60__search.sql")
          .readAllBytes(), StandardCharsets.UTF_8))) {
        if (!sql.startsWith("CREATE INDEX")) {
          st.execute(sql);
        }
      }
    }
    assertThat(indexSql(db)).doesNotContain("prefix");

    ReadPool.upgradeIfOlder(db);

    assertThat(indexSql(db)).contains("prefix='2 3'");
    assertThat(hits(db, "dr*")).isEqualTo(2);
    assertThat(hits(db, "dre*")).isEqualTo(1);
    assertThat(hits(db, "dredg*")).isEqualTo(1);
    integrityCheck(db);
    try (Archive a = Archive.open(db)) {
      store(a, a.startRun("crawl", "t"), "http://news.test/c", "Dry summer", "A dry summer ahead.");
    }
    assertThat(hits(db, "dr*")).isEqualTo(3);
    integrityCheck(db);
  }

  private static String indexSql(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'article_search'")) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  @Test
  void searchTermsAreQuotedSoNoInputIsFts5Syntax() {
    assertThat(new SearchQuery("budget OR (", null, null, null, null, false, false, false, 1).fts())
        .isEqualTo("\"budget\" AND \"OR\"");
    assertThat(new SearchQuery("\"city council\" vote*", null, null, null, null, false, false, false, 1).fts())
        .isEqualTo("\"city council\" AND \"vote\"*");
    assertThat(new SearchQuery("say \"\"", null, null, null, null, false, false, false, 1).isEmpty()).isFalse();
    assertThat(new SearchQuery("  - ( ) ", null, null, null, null, false, false, false, 1).isEmpty()).isTrue();
    assertThatThrownBy(() -> new SearchQuery("\"open", null, null, null, null, false, false, false, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closing");
  }

  @Test
  void matchMarksBecomeFragments() {
    assertThat(SearchQueries.fragments("a \u0002b\u0003 c")).containsExactly(new SearchQueries.Fragment("a ", false),
        new SearchQueries.Fragment("b", true), new SearchQueries.Fragment(" c", false));
  }
}

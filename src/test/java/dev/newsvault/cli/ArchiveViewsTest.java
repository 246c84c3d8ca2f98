package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only views of docs/archive.md answer on the demo's archive, as another tool would open it. */
class ArchiveViewsTest {

  @TempDir static Path dir;
  static Path db;
  /** The demo's 24 stories, and the script-built one its step 8 renders when a Chromium is installed. */
  static final long ARTICLES = 24 + (Files.isExecutable(dev.newsvault.render.RenderSettings
      .of(dev.newsvault.config.Settings.defaults()).browserBinary()) ? 1 : 0);

  @BeforeAll
  static void demo() {
    CliRun r = CliRun.of("demo", "--dir", dir.resolve("demo").toString());
    assertThat(r.code()).as(r.err()).isZero();
    db = dir.resolve("demo/archive.db");
  }

  /** A read-only connection, as Python's sqlite3 or Datasette open the file. */
  private static Connection open() throws SQLException {
    Properties p = new Properties();
    p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    return DriverManager.getConnection("jdbc:sqlite:" + db, p);
  }

  private static List<List<String>> rows(String sql) throws SQLException {
    try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  private static long count(String sql) throws SQLException {
    return Long.parseLong(rows(sql).get(0).get(0));
  }

  @Test
  void latestArticleHasOneRowPerArticleWithItsCurrentText() throws SQLException {
    long articles = count("SELECT COUNT(*) FROM article WHERE current_version > 0");
    assertThat(articles).isEqualTo(ARTICLES);
    assertThat(count("SELECT COUNT(*) FROM v_latest_article")).isEqualTo(articles);
    // the corrected article shows its second version, with the correction in its text
    List<List<String>> story = rows("SELECT version, versions, change_kind, word_count > 0, text LIKE '%Correction:%'"
        + " FROM v_latest_article WHERE url LIKE '%" + DemoCommand.STORY + "'");
    assertThat(story).containsExactly(List.of("2", "2", "correction", "1", "1"));
    assertThat(rows("SELECT title, authors FROM v_latest_article WHERE url LIKE '%" + DemoCommand.STORY + "'")
        .get(0)).allSatisfy(v -> assertThat(v).isNotBlank());
  }

  @Test
  void everyVersionCarriesItsChangeKind() throws SQLException {
    assertThat(count("SELECT COUNT(*) FROM v_article_version"))
        .isEqualTo(count("SELECT COUNT(*) FROM article_version")).isEqualTo(ARTICLES + 1); // and one correction
    assertThat(rows("SELECT version, change_kind FROM v_article_version WHERE url LIKE '%" + DemoCommand.STORY + "'"
        + " ORDER BY version")).containsExactly(java.util.Arrays.asList("1", null), List.of("2", "correction"));
  }

  @Test
  void showPrintsTheRawPageHashAsExportAndWarcWriteIt() throws Exception {
    String story = rows("SELECT url FROM article WHERE url LIKE '%" + DemoCommand.STORY + "'").get(0).get(0);
    CliRun show = CliRun.of("show", story, "--db", db.toString());
    String asWarc = show.out().lines().filter(l -> l.strip().startsWith("as WARC:")).findFirst().orElseThrow()
        .replaceFirst("^\\s*as WARC:\\s*", "");
    Path out = dir.resolve("export.jsonl");
    assertThat(CliRun.of("export", "--format", "jsonl", "--out", out.toString(), "--db", db.toString()).code()).isZero();
    String digest = java.nio.file.Files.readAllLines(out).stream()
        .map(l -> {
          try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(l);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })
        .filter(n -> n.path("url").asText().equals(story)).findFirst().orElseThrow().path("payload_digest").asText();
    assertThat(asWarc).startsWith("sha256:").isEqualTo(digest);
  }

  @Test
  void extractNamesItsFieldsAsExportDoesAndKeepsTheOldNamesAsAliases() throws Exception {
    Path page = java.nio.file.Files.writeString(dir.resolve("page.html"), "<html><head><title>Ferry fares</title>"
        + "<meta property=\"article:published_time\" content=\"2026-03-01T08:00:00Z\"></head><body><article>"
        + "<h1>Ferry fares rise</h1><p>" + "The ferry company raised its fares for the spring season again. ".repeat(8)
        + "</p></article></body></html>");
    CliRun r = CliRun.of("extract", page.toString());
    var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
    assertThat(n.path("maintext").asText()).contains("ferry company").isEqualTo(n.path("text").asText());
    assertThat(n.path("date_publish").asText()).startsWith("2026-03-01").isEqualTo(n.path("published").asText());
    assertThat(n.has("date_modify")).isTrue();
    assertThat(n.has("modified")).isTrue();
  }

  @Test
  void failuresByKindCountTheDemosBrokenLink() throws SQLException {
    // the crawl and the scheduled round each met the one broken link
    long fetched = count("SELECT COUNT(*) FROM fetch WHERE failure_kind = 'http_4xx'");
    assertThat(fetched).isEqualTo(2);
    assertThat(rows("SELECT failure_kind, fetches, urls, hosts FROM v_failures_by_kind WHERE failure_kind = 'http_4xx'"))
        .containsExactly(List.of("http_4xx", String.valueOf(fetched), "1", "1"));
    assertThat(rows("SELECT DISTINCT http_status, url LIKE '%harbour-strike-live-updates.html' FROM v_fetch_failure"
        + " WHERE failure_kind = 'http_4xx'")).containsExactly(List.of("404", "1"));
    assertThat(count("SELECT SUM(fetches) FROM v_failures_by_kind"))
        .isEqualTo(count("SELECT COUNT(*) FROM v_fetch_failure"));
  }
}

package dev.newsvault.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.check.VersionLabels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer looks for in serve: the kind of each change, readable times, and errors that keep the input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeFirstHourTest {

  @TempDir static Path dir;
  WebArchive archive;
  WebApp app;
  String kind;

  @BeforeAll
  void start() throws Exception {
    archive = WebArchive.build(dir.resolve("archive.db"));
    try (Archive a = Archive.openReadOnly(archive.db)) {
      List<VersionRecord> v = a.reader().versions(archive.budgetId);
      kind = VersionLabels.of(v.get(0), v.get(1)).kind();
    }
    app = WebApp.start(archive.db, "127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return new WebClient(app).get(path);
  }

  JsonNode api(String path) throws Exception {
    return new WebClient(app).api(path);
  }

  @Test
  void theKindOfEachChangeIsOnTheHomePageTheTimelineTheDiffAndInTheApi() throws Exception {
    assertThat(kind).isNotBlank();
    assertThat(get("/").body()).contains("<th>change</th>").contains("<td class=\"kind\">" + kind + "</td>");
    assertThat(api("/api/home").at("/changes/0/changeKind").asText()).isEqualTo(kind);

    String article = get("/articles/" + archive.budgetId).body();
    assertThat(article).contains("<th>change</th>").contains("<td class=\"kind\">" + kind + "</td>");
    JsonNode timeline = api("/api/articles/" + archive.budgetId).at("/timeline");
    assertThat(timeline.get(0).get("changeKind").isNull()).isTrue();
    assertThat(timeline.get(1).get("changeKind").asText()).isEqualTo(kind);

    assertThat(get("/articles/" + archive.budgetId + "/diff/1/2").body())
        .contains("<span class=\"kind\" id=\"change-kind\">" + kind + "</span>");
    assertThat(api("/api/articles/" + archive.budgetId + "/diff/1/2").at("/changeKind").asText()).isEqualTo(kind);
  }

  @Test
  void pagesShowTimesToTheSecondWithHowLongAgo() throws Exception {
    String article = get("/articles/" + archive.budgetId).body();
    assertThat(article).contains("<time datetime=\"2026-11-22T10:00:00Z\">2026-11-22 10:00:00 UTC</time>")
        .containsPattern("</time> <span class=\"ago\">\\d+ (days|months|years?) ago</span>");
    assertThat(get("/").body()).contains("2026-11-22 10:00:00 UTC");
  }

  @Test
  void noTableHasAnEmptyHeader() throws Exception {
    for (String path : List.of("/", "/articles/" + archive.budgetId, "/sites", "/sites/ledger.example")) {
      assertThat(get(path).body()).as(path).doesNotContain("<th></th>");
    }
  }

  @Test
  void aRefusedSearchKeepsItsWords() throws Exception {
    HttpResponse<String> r = get("/search?q=" + URLEncoder.encode("\"transit budg", StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("value=\"&#34;transit budg\"");
  }

  @Test
  void aPortInUseIsSaidOnceWithoutTheServersOwnErrorLog() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> WebApp.start(archive.db, "127.0.0.1", app.port()).close())
          .isInstanceOf(ArchiveException.class).hasMessageContaining("cannot listen on 127.0.0.1:" + app.port())
          .hasMessageContaining("--port 0");
    } finally {
      System.setErr(saved);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("Failed to start");
  }

  @Test
  void newTimesAreStoredToTheMillisecondAndOldNanosecondRowsReachTheApiCut(@TempDir Path own) throws Exception {
    Path db = own.resolve("a.db");
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "times");
      String at = "2026-12-06T14:56:39.905066242Z";
      WebArchive.store(a, run, WebArchive.BUDGET_URL, "Budget", at, WebArchive.BUDGET_V1, "en",
          WebArchive.page("Budget", WebArchive.BUDGET_V1));
      assertThat(Instant.parse(at).getNano()).isEqualTo(905066242);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT v.fetched_at, a.first_seen, f.fetched_at, r.started_at"
          + " FROM article_version v JOIN article a ON a.id=v.article_id JOIN fetch f ON f.id=v.fetch_id,"
          + " crawl_run r")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("2026-12-06T14:56:39.905Z");
        assertThat(rs.getString(2)).isEqualTo("2026-12-06T14:56:39.905Z");
        assertThat(rs.getString(3)).isEqualTo("2026-12-06T14:56:39.905Z");
        assertThat(rs.getString(4)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
      }
      // an archive written before: the clock's nanoseconds in the row
      st.executeUpdate("UPDATE article SET first_seen='2026-12-06T14:56:39.905066242Z'");
    }
    try (WebApp own2 = WebApp.start(db, "127.0.0.1", 0)) {
      WebClient client = new WebClient(own2);
      assertThat(client.get("/api/articles/1").body()).contains("\"firstSeen\" : \"2026-12-06T14:56:39.905Z\"")
          .doesNotContain("905066242");
      String page = client.get("/articles/1").body();
      assertThat(page).contains("2026-12-06 14:56:39 UTC").doesNotContain("905066242");
    }
  }

  @Test
  void relativeTimesReadAsWords() {
    Instant now = Instant.parse("2026-12-06T15:00:00Z");
    assertThat(Times.ago(now.minusSeconds(20), now)).isEqualTo("just now");
    assertThat(Times.ago(now.minusSeconds(60), now)).isEqualTo("1 minute ago");
    assertThat(Times.ago(now.minusSeconds(3 * 3600 + 59), now)).isEqualTo("3 hours ago");
    assertThat(Times.ago(now.minusSeconds(86_400), now)).isEqualTo("1 day ago");
    assertThat(Times.ago(now.minusSeconds(86_400L * 400), now)).isEqualTo("13 months ago");
    assertThat(Times.ago(now.minusSeconds(86_400L * 1000), now)).isEqualTo("2 years ago");
    assertThat(Times.shown("2026-12-06T14:56:39.905066242Z")).isEqualTo("2026-12-06 14:56:39 UTC");
  }
}

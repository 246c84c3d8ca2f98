package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.RunSummary;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One URL identity for every command that takes a URL, and archive times printed without the clock's
 * nanoseconds: a real archive, the real CLI in-process.
 */
class UrlFormsAndTimesTest {

  static final String URL = "http://news.example.com/2026/01/05/ferry-fares";
  static final Pattern SUB_SECOND = Pattern.compile("T\\d\\d:\\d\\d:\\d\\d\\.\\d");

  @TempDir Path dir;
  Path db;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @BeforeEach
  void archive() throws Exception {
    db = dir.resolve("news.db");
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "test");
      store(a, run, "2026-01-05T10:00:00.123456789Z", "Fares rise on the harbour ferry from March.");
      store(a, run, "2026-01-06T11:30:00.987654321Z", "Fares rise on the harbour ferry from April.");
      a.finishRun(run, new RunSummary("finished", 2, 2, 0, 0));
    }
  }

  private static void store(Archive a, long run, String at, String text) throws Exception {
    byte[] html = ("<html><body><article><p>" + text + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
    Capture c = new Capture(URL, URL, 200, Instant.parse(at), 10, "text/html", null, null, Map.of(), html, null);
    a.store(run, c, new Article(URL, null, "Ferry fares", List.of("Sam Writer"), "2026-01-05", null, null, "en",
        null, List.of(), null, text));
  }

  @Test
  void showHistoryAndDiffFindTheArticleUnderEveryFormOfItsUrl() {
    for (String form : List.of(URL, "https://news.example.com/2026/01/05/ferry-fares",
        "https://www.news.example.com/2026/01/05/ferry-fares/", URL + "?utm_source=feed&utm_medium=rss",
        URL + "#comments", "HTTP://NEWS.example.com:80/2026/01/05/ferry-fares?fbclid=x1")) {
      for (String command : List.of("show", "history", "diff")) {
        CliRun r = run(command, form, "--db", db.toString());
        assertThat(r.code()).as(command + " " + form + ": " + r.err()).isZero();
        assertThat(r.out()).as(command + " " + form).contains(URL);
      }
    }
  }

  @Test
  void anotherArticleIsNotTheSameArticle() {
    for (String other : List.of("http://news.example.com/2026/01/05/ferry-fares-2",
        URL + "?page=2", "http://other.example.com/2026/01/05/ferry-fares")) {
      CliRun r = run("show", other, "--db", db.toString());
      assertThat(r.code()).as(other).isEqualTo(ExitCodes.PARTIAL);
      assertThat(r.err()).contains("is not in the archive");
    }
  }

  @Test
  void showDiffStatsAndStatusPrintTimesToTheSecond() {
    CliRun show = run("show", URL, "--db", db.toString());
    assertThat(show.out()).contains("fetched 2026-01-06T11:30:00Z", "first seen 2026-01-05T10:00:00Z",
        "last seen 2026-01-06T11:30:00Z");
    CliRun diff = run("diff", URL, "--db", db.toString(), "--color", "never");
    assertThat(diff.out()).contains("--- v1  2026-01-05T10:00:00Z", "+++ v2  2026-01-06T11:30:00Z");
    for (CliRun r : List.of(show, diff, run("stats", "--db", db.toString()), run("status", "--db", db.toString()),
        run("history", URL, "--db", db.toString()))) {
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).doesNotContainPattern(SUB_SECOND);
    }
  }

  @Test
  void checkJsonlGivesNoVersionAndAStatusForAUrlNotInTheArchive() throws Exception {
    CliRun r = run("check", "http://news.example.com/never-archived", "--format", "jsonl", "--db", db.toString(),
        "--set", "fetch.allow.private=true");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.PARTIAL);
    JsonNode rec = new ObjectMapper().readTree(r.out().strip());
    assertThat(rec.get("version").isNull()).isTrue();
    assertThat(rec.get("previous_version").isNull()).isTrue();
    assertThat(rec.get("status").asText()).isEqualTo("not_in_archive");
    assertThat(rec.get("outcome").asText()).isEqualTo("error");
  }
}

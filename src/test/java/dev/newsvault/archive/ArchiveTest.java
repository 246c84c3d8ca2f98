package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import dev.newsvault.fetch.FetchFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {

  @TempDir Path dir;

  private static Capture page(String url, String html) {
    return new Capture(url, url, 200, Instant.parse("2026-01-02T03:04:05Z"), 12, "text/html; charset=utf-8",
        "\"e1\"", null, Map.of("server", "test"), html.getBytes(StandardCharsets.UTF_8), null);
  }

  private static Article article(String url, String title, String text) {
    return new Article(url, url, title, List.of("Ann Writer"), "2026-01-01", null, "Site", "en", null, List.of(),
        null, text);
  }

  @Test
  void keepsEveryDistinctVersionAndNeverOverwritesHistory() throws Exception {
    try (Archive a = Archive.open(dir.resolve("a.db"))) {
      long run = a.startRun("crawl", "test");
      String u = "http://news.test/story";
      assertThat(a.store(run, page(u, "<p>one</p>"), article(u, "T", "First text of the story.")).change())
          .isEqualTo(StoreResult.Change.NEW);
      assertThat(a.store(run, page(u, "<p>one</p><!-- ad 2 -->"), article(u, "T", "First  text of the story."))
          .change()).isEqualTo(StoreResult.Change.UNCHANGED);
      StoreResult changed = a.store(run, page(u, "<p>two</p>"), article(u, "T", "Second text of the story."));
      assertThat(changed.change()).isEqualTo(StoreResult.Change.CHANGED);
      assertThat(changed.version()).isEqualTo(2);
      assertThat(a.store(run, page(u, "<p>two</p>"), article(u, "New title", "Second text of the story."))
          .change()).isEqualTo(StoreResult.Change.CHANGED);

      var rec = a.reader().article(u).orElseThrow();
      List<VersionRecord> versions = a.reader().versions(rec.id());
      assertThat(versions).extracting(VersionRecord::text)
          .containsExactly("First text of the story.", "Second text of the story.", "Second text of the story.");
      assertThat(versions.get(0).textHash()).isEqualTo(ContentHash.ofText("First text of the story."));
      assertThat(rec.currentVersion()).isEqualTo(3);
    }
  }

  @Test
  void keepsMarkdownOnlyWhenItIsMoreThanTheTextsParagraphs() throws Exception {
    String plain = "Prices rose *again* on Monday.\n\nTraders said 5% was likely.";
    String structured = "## Markets\n\nPrices rose [again](https://news.test/prices) on Monday.";
    try (Archive a = Archive.open(dir.resolve("a.db"))) {
      a.store(0, page("http://news.test/plain", "<p>plain</p>"), withMarkdown("http://news.test/plain", plain,
          dev.newsvault.extract.MarkdownWriter.paragraphs(plain)));
      a.store(0, page("http://news.test/rich", "<p>rich</p>"), withMarkdown("http://news.test/rich",
          "Markets\n\nPrices rose again on Monday.", structured));
      for (String url : List.of("http://news.test/plain", "http://news.test/rich")) {
        var rec = a.reader().article(url).orElseThrow();
        assertThat(a.reader().versions(rec.id()).get(0).markdown())
            .isEqualTo(url.endsWith("plain") ? "Prices rose \\*again\\* on Monday.\n\nTraders said 5% was likely."
                : structured);
      }
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"));
        var rs = c.createStatement().executeQuery("SELECT a.url, v.markdown FROM article_version v"
            + " JOIN article a ON a.id=v.article_id ORDER BY a.url")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).endsWith("plain");
      assertThat(rs.getString(2)).isNull(); // written from the text by every reader: not kept twice
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo(structured);
    }
  }

  private static Article withMarkdown(String url, String text, String markdown) {
    return new Article(url, url, "T", List.of("Ann Writer"), "2026-01-01", null, "Site", "en", null, List.of(), null,
        text, null, null, null, markdown);
  }

  @Test
  void storesEachDistinctRawPageOnceAndReadsItBack() throws Exception {
    try (Archive a = Archive.open(dir.resolve("a.db"))) {
      String html = "<html><body>same bytes é</body></html>";
      a.store(0, page("http://x.test/1", html), null);
      a.store(0, page("http://x.test/2", html), null);
      ArchiveStats s = a.reader().stats();
      assertThat(s.fetches()).isEqualTo(2);
      assertThat(s.rawPages()).isEqualTo(1);
      String sha = ContentHash.of(html.getBytes(StandardCharsets.UTF_8)).toString();
      assertThat(new String(a.reader().rawPage(sha).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(html);
    }
  }

  @Test
  void countsFailuresByKind() throws Exception {
    try (Archive a = Archive.open(dir.resolve("a.db"))) {
      a.store(0, Capture.failed("http://x.test/a", Instant.now(), FetchFailure.forStatus(404, "http://x.test/a")),
          null);
      a.store(0, Capture.failed("http://x.test/b", Instant.now(), FetchFailure.of(FetchFailure.Kind.TIMEOUT, "slow")),
          null);
      a.store(0, Capture.failed("http://x.test/c", Instant.now(), FetchFailure.forStatus(410, "http://x.test/c")),
          null);
      assertThat(a.reader().stats().failures()).containsExactly(
          new ArchiveStats.FailureCount("http_4xx", 2), new ArchiveStats.FailureCount("timeout", 1));
      assertThat(a.reader().stats(2).recentFailures()).extracting(ArchiveStats.FailedFetch::url,
          ArchiveStats.FailedFetch::kind).containsExactly(
              org.assertj.core.groups.Tuple.tuple("http://x.test/c", "http_4xx"),
              org.assertj.core.groups.Tuple.tuple("http://x.test/b", "timeout"));
      assertThat(a.reader().stats(2).recentFailures().get(1).detail()).contains("slow");
    }
  }

  @Test
  void secondWriterGetsAClearMessageAndReadersStillWork() throws Exception {
    Path db = dir.resolve("a.db");
    try (Archive a = Archive.open(db)) {
      a.store(0, page("http://x.test/1", "<p>x</p>"), article("http://x.test/1", "T", "Some words here."));
      a.flush();
      assertThatThrownBy(() -> Archive.open(db)).isInstanceOf(ArchiveLockedException.class)
          .hasMessageContaining("in use by another newsvault process").hasMessageContaining("--db PATH");
      try (Archive r = Archive.openReadOnly(db)) {
        assertThat(r.reader().stats().articles()).isEqualTo(1);
      }
    }
    try (Archive again = Archive.open(db)) {
      assertThat(again.reader().stats().articles()).isEqualTo(1);
    }
  }

  @Test
  void frontierRemembersWhatIsStillQueued() throws Exception {
    Path db = dir.resolve("a.db");
    try (Archive a = Archive.open(db)) {
      a.discovered("http://x.test/1", 0, "seed", 1);
      a.discovered("http://x.test/2", 1, "seed", 1);
      a.discovered("http://x.test/1", 3, "other", 1);
      a.markDone("http://x.test/1");
    }
    try (Archive a = Archive.open(db)) {
      assertThat(a.queued()).containsExactly(new FrontierEntry("http://x.test/2", "seed", 1));
    }
  }

  @Test
  void readOnlyOpenOfAMissingArchiveSaysHowToCreateOne() {
    assertThatThrownBy(() -> Archive.openReadOnly(dir.resolve("none.db")))
        .isInstanceOf(ArchiveException.class).hasMessageContaining("./newsvault crawl");
  }

  @Test
  void normalizationFoldsInvisibleDifferences() {
    assertThat(ContentHash.ofText("“Quoted” — text\u00a0here  ")).isEqualTo(ContentHash.ofText("\"Quoted\" - text here"));
    assertThat(ContentHash.ofText("one word")).isNotEqualTo(ContentHash.ofText("one ward"));
  }
}

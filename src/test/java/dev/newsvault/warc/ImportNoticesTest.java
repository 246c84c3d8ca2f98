package dev.newsvault.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;

/** An import queues a notice for a capture newer than the archived version, never for one slotted into the past. */
class ImportNoticesTest {

  @TempDir Path dir;

  @Test
  void aNewerCaptureQueuesANoticeAndAnOlderOneSlottedIntoTheHistoryDoesNot() throws Exception {
    String url = "https://ledger.example/news/budget";
    String story = NewsHtml.story(7, 80);
    Path first = dir.resolve("first.warc.gz");
    try (TestWarcs w = TestWarcs.create(first, true, MessageVersion.WARC_1_1)) {
      w.html(url, Instant.parse("2024-05-02T00:00:00Z"), NewsHtml.article("ledger.example", "Budget", story));
      w.html(url, Instant.parse("2024-05-03T00:00:00Z"), NewsHtml.article("ledger.example", "Budget",
          story + " The vote was postponed until the spring because the report came late."));
    }
    Path db = dir.resolve("news.db");
    assertThat(Cli.run("import", "--db", db.toString(), first.toString()).code()).isZero();
    assertThat(Db.count(db, "SELECT count(*) FROM article_version")).isEqualTo(2);
    assertThat(Db.count(db, "SELECT count(*) FROM notice")).isEqualTo(1);

    Path older = dir.resolve("older.warc.gz");
    try (TestWarcs w = TestWarcs.create(older, true, MessageVersion.WARC_1_1)) {
      w.html(url, Instant.parse("2024-05-01T00:00:00Z"), NewsHtml.article("ledger.example", "Budget (draft)",
          "A draft. " + story));
    }
    assertThat(Cli.run("import", "--db", db.toString(), older.toString()).code()).isZero();
    assertThat(Db.count(db, "SELECT count(*) FROM article_version")).isEqualTo(3);
    assertThat(Db.count(db, "SELECT count(*) FROM notice")).isEqualTo(1);
    // the notice still names the version it announced, now numbered 3
    assertThat(Db.rows(db, "SELECT v.version FROM notice n JOIN article_version v ON v.id=n.version_id"))
        .containsExactly("3");
  }
}

package dev.newsvault.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

class ImportNewsCrawlTest {

  @TempDir Path dir;

  private Cli importInto(Path db, Path... files) {
    String[] args = new String[files.length + 3];
    args[0] = "import";
    args[1] = "--db";
    args[2] = db.toString();
    for (int i = 0; i < files.length; i++) {
      args[i + 3] = files[i].toString();
    }
    return Cli.run(args);
  }

  @Test
  void importsEveryHtmlCaptureAndCountsEachKindOfSkip() throws Exception {
    NewsCrawlWarcs w = new NewsCrawlWarcs(dir);
    Path db = dir.resolve("a.db");

    Cli r = importInto(db, dir);

    assertThat(r.code()).as(r.err()).isEqualTo(1); // malformed records and a broken file are worth a look
    assertThat(Db.count(db, "SELECT count(*) FROM fetch")).isEqualTo(w.pages);
    assertThat(Db.count(db, "SELECT count(*) FROM warc_origin")).isEqualTo(w.pages);
    assertThat(Db.count(db, "SELECT count(*) FROM article")).isEqualTo(
        NewsCrawlWarcs.HOSTS * (NewsCrawlWarcs.FIRST + NewsCrawlWarcs.SECOND) + 2);
    assertThat(r.err()).contains(w.notHtml + " skipped, not HTML", w.notOk + " skipped, not a 2xx response",
        "1 skipped, truncated", "1 skipped, duplicate", "1 skipped, revisit of an unknown record",
        "3 skipped, malformed", "news-02.warc.gz at byte 0: malformed");
    assertThat(r.err()).contains("www.paper1.example/big skipped, truncated (WARC-Truncated)");
  }

  @Test
  void ordersVersionsByWarcDateWhateverTheOrderOfTheFiles() throws Exception {
    NewsCrawlWarcs w = new NewsCrawlWarcs(dir);
    Path inOrder = dir.resolve("in-order.db");
    Path reversed = dir.resolve("reversed.db");

    importInto(inOrder, w.first, w.second);
    importInto(reversed, w.second, w.first);

    List<String> versions = Db.versions(inOrder);
    assertThat(Db.versions(reversed)).isEqualTo(versions);
    // a changed article: the day-0 capture (only in the second file) is version 1, day 3 is version 3
    List<String> changed = Db.rows(inOrder, "SELECT v.version, v.fetched_at, v.title FROM article_version v JOIN"
        + " article a ON a.id=v.article_id WHERE a.url='" + NewsCrawlWarcs.url(0, 1) + "' ORDER BY v.version");
    assertThat(changed).containsExactly("1|2024-02-29T10:00:00Z|Story 1 from paper 0 (2)",
        "2|2024-03-01T10:00:01Z|Story 1 from paper 0", "3|2024-03-03T10:00:00Z|Story 1 from paper 0 (1)");
    assertThat(Db.rows(reversed, "SELECT a.current_version, a.first_seen, a.last_seen FROM article a WHERE a.url='"
        + NewsCrawlWarcs.url(0, 1) + "'")).containsExactly("3|2024-02-29T10:00:00Z|2024-03-03T10:00:00Z");
    assertThat(Db.count(inOrder, "SELECT count(*) FROM article_version")).isEqualTo(
        NewsCrawlWarcs.HOSTS * (NewsCrawlWarcs.FIRST + NewsCrawlWarcs.SECOND) + 2 + 2 * NewsCrawlWarcs.CHANGED);
    // every later version is labelled against the one before it, also when a capture was slotted in before it
    String labels = "SELECT a.url, v.version, v.change_kind, v.words_added, v.words_removed FROM article_version v"
        + " JOIN article a ON a.id=v.article_id WHERE v.version > 1 ORDER BY a.url, v.version";
    assertThat(Db.rows(inOrder, labels)).hasSize(2 * NewsCrawlWarcs.CHANGED);
    assertThat(Db.rows(reversed, labels)).isEqualTo(Db.rows(inOrder, labels));
    assertThat(Db.count(reversed, "SELECT count(*) FROM article_version WHERE version > 1 AND change_kind IS NULL"))
        .isZero();
  }

  @Test
  void aCompletedFileIsNotReadAgainAndNothingIsImportedTwice() throws Exception {
    NewsCrawlWarcs w = new NewsCrawlWarcs(dir);
    Path db = dir.resolve("a.db");
    importInto(db, w.first, w.second);
    List<String> before = Db.versions(db);
    long fetches = Db.count(db, "SELECT count(*) FROM fetch");

    Cli again = importInto(db, w.second, w.first);

    // the first file holds a revisit of a record that is nowhere: it stays open and is read again, and its
    // malformed record is reported again (exit code 1)
    assertThat(again.code()).as(again.err()).isEqualTo(1);
    assertThat(again.err()).contains("1 files skipped: an earlier import completed them", "1 file left open");
    assertThat(Db.count(db, "SELECT count(*) FROM fetch")).isEqualTo(fetches);
    assertThat(Db.versions(db)).isEqualTo(before);
  }

  @Test
  void aRevisitReadBeforeItsOriginalIsResolvedWhenItsFileIsImportedAgain() throws Exception {
    Path originals = dir.resolve("originals.warc.gz");
    Path revisits = dir.resolve("revisits.warc.gz");
    String url = NewsCrawlWarcs.url(1, 1);
    String page = NewsCrawlWarcs.page(1, 1, 0);
    URI original;
    try (TestWarcs w = TestWarcs.create(originals, true, MessageVersion.WARC_1_1)) {
      original = w.html(url, java.time.Instant.parse("2024-03-01T10:00:00Z"), page);
    }
    try (TestWarcs w = TestWarcs.create(revisits, true, MessageVersion.WARC_1_1)) {
      w.revisit(url, java.time.Instant.parse("2024-03-05T10:00:00Z"), original, page);
      w.html(NewsCrawlWarcs.url(1, 2), java.time.Instant.parse("2024-03-05T10:00:00Z"), NewsCrawlWarcs.page(1, 2, 0));
    }
    Path db = dir.resolve("a.db");

    Cli first = importInto(db, revisits);
    assertThat(first.err()).contains("1 skipped, revisit of an unknown record", "1 file left open");
    assertThat(importInto(db, originals).code()).isZero();
    Cli again = importInto(db, revisits);

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("1 skipped, duplicate").doesNotContain("left open", "unknown record");
    assertThat(Db.rows(db, "SELECT a.first_seen, a.last_seen FROM article a WHERE a.url='" + url + "'"))
        .containsExactly("2024-03-01T10:00:00Z|2024-03-05T10:00:00Z");
    assertThat(Db.count(db, "SELECT count(*) FROM fetch")).isEqualTo(3);
    assertThat(importInto(db, revisits).err()).contains("1 files skipped: an earlier import completed them");
  }

  @Test
  void theOriginOfEachCapturePointsBackToItsWarcRecord() throws Exception {
    NewsCrawlWarcs w = new NewsCrawlWarcs(dir);
    Path db = dir.resolve("a.db");
    importInto(db, w.first);

    List<String> origin = Db.rows(db, "SELECT o.file, o.offset, o.record_type, f.url FROM warc_origin o JOIN fetch f"
        + " ON f.id=o.fetch_id WHERE o.record_id='<" + w.someResponse + ">'");

    assertThat(origin).hasSize(1);
    String[] f = origin.get(0).split("\\|");
    assertThat(f[0]).isEqualTo(w.first.toString());
    assertThat(f[2]).isEqualTo("response");
    assertThat(f[3]).isEqualTo(w.someResponseUrl);
    try (WarcReader reader = new WarcReader(java.nio.channels.FileChannel.open(w.first))) {
      reader.position(Long.parseLong(f[1]));
      WarcRecord record = reader.next().orElseThrow();
      assertThat(record.id()).isEqualTo(w.someResponse);
    }
  }

  @Test
  void aPathThatIsNotThereIsReportedAndTheOthersAreImported() throws Exception {
    NewsCrawlWarcs w = new NewsCrawlWarcs(dir);
    Path db = dir.resolve("a.db");

    Cli r = importInto(db, dir.resolve("missing.warc.gz"), w.second);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("missing.warc.gz: cannot read it");
    assertThat(Db.count(db, "SELECT count(*) FROM article")).isGreaterThan(0);
  }

  @Test
  void answersHelpAndRefusesAMissingPathAsAUsageError() {
    Cli help = Cli.run("import", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: newsvault import", "WARC-Date");

    Cli none = Cli.run("import", "--db", dir.resolve("a.db").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("PATH");
  }

  @Test
  void aFolderWithoutWarcFilesIsReported() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a WARC");

    Cli r = importInto(dir.resolve("a.db"), dir);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no WARC files (*.warc, *.warc.gz) under " + dir);
  }
}

package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.CheckQueries;
import dev.newsvault.archive.CheckRecord;
import dev.newsvault.archive.CheckTarget;
import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.Words;
import dev.newsvault.cli.ExitCodes;
import dev.newsvault.extract.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an upgrade the extractor may give another text for the same page. A page archived by an older extractor
 * (simulated by rewriting the stored text and its hash in the SQLite file, as that extractor would have stored
 * them) and served unchanged over real HTTP must be found unchanged, with no new version; a real edit is still a
 * change.
 */
class ExtractorUpgradeTest {

  static final String PATH = "/news/library-cuts";
  static final String FIRST = "The city council approved a budget on Thursday evening";

  @TempDir Path dir;
  CheckSite site;
  Archive archive;
  ArticleChecker checker;
  String url;

  @BeforeEach
  void setUp() throws Exception {
    site = new CheckSite(dir);
    archive = Archive.open(site.db);
    site.serve(PATH, NewsPage.original().html());
    assertThat(site.archive(archive, PATH).change()).isEqualTo(StoreResult.Change.NEW);
    url = site.url(PATH);
  }

  @AfterEach
  void tearDown() throws Exception {
    archive.close();
    site.close();
  }

  private List<VersionRecord> versions() throws Exception {
    return archive.reader().versions(archive.reader().article(url).orElseThrow().id());
  }

  /**
   * Rewrites version 1 as an older extractor would have stored it: its text without the story's first paragraph
   * (that extractor lost it), and the title {@code title}. Returns the rewritten text.
   */
  private String archivedByAnOlderExtractor(String title) throws Exception {
    VersionRecord v = versions().get(0);
    String first = v.text().lines().filter(l -> l.startsWith(FIRST)).findFirst().orElseThrow();
    String older = v.text().replace(first + "\n", "");
    assertThat(older).isNotEqualTo(v.text());
    archive.close();
    assertThat(update("UPDATE article_version SET text=?, text_sha256=?, word_count=?, markdown=NULL, title=?,"
        + " meta_sha256=? WHERE article_id=? AND version=1", older, ContentHash.ofText(older).toString(),
        Words.count(older), title, ContentHash.ofMeta(title, v.authors()).toString(), v.articleId())).isEqualTo(1);
    archive = Archive.open(site.db);
    checker = site.checker(archive);
    return older;
  }

  /** Runs one statement on the closed archive's SQLite file, as another program would; the rows it changed. */
  private int update(String sql, Object... args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + site.db);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  private String archivedByAnOlderExtractor() throws Exception {
    return archivedByAnOlderExtractor(versions().get(0).title());
  }

  private CheckResult check() throws Exception {
    return checker.check(archive.startRun("check", "test"), url);
  }

  @Test
  void aPageArchivedByThisNewsvaultIsNotExtractedAgain() throws Exception {
    // the hashes check computes are the ones the archive stored: only an older extractor's text differs
    CheckTarget t = site.checker(archive).find(url).orElseThrow();
    Article live = site.extractor.extract(NewsPage.withChurnedFurniture().html().getBytes(StandardCharsets.UTF_8),
        "text/html; charset=utf-8", url);

    assertThat(ExtractorUpgrade.differs(t, live, ContentHash.ofText(live.text()))).isFalse();
    String older = archivedByAnOlderExtractor();
    CheckTarget upgraded = checker.find(url).orElseThrow();
    assertThat(upgraded.textHash()).isEqualTo(ContentHash.ofText(older));
    assertThat(ExtractorUpgrade.differs(upgraded, live, ContentHash.ofText(live.text()))).isTrue();
  }

  @Test
  void anUnchangedPageArchivedByAnOlderExtractorIsUnchangedAndKeepsItsArchivedText() throws Exception {
    String older = archivedByAnOlderExtractor();
    site.serve(PATH, NewsPage.withChurnedFurniture().html());

    CheckResult r = check();

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.UNCHANGED);
    assertThat(r.detail()).isEqualTo(ExtractorUpgrade.DETAIL);
    assertThat(r.version()).isEqualTo(1);
    assertThat(r.change()).isNull();
    // history is never rewritten: the older extractor's text and hash stay as they were stored
    assertThat(versions()).singleElement().satisfies(v -> {
      assertThat(v.text()).isEqualTo(older).doesNotContain(FIRST);
      assertThat(v.textHash()).isEqualTo(ContentHash.ofText(older));
    });
    long id = archive.reader().article(url).orElseThrow().id();
    assertThat(new CheckQueries(archive).checks(id)).singleElement().satisfies(c -> {
      assertThat(c.outcome()).isEqualTo("unchanged");
      assertThat(c.detail()).isEqualTo(ExtractorUpgrade.DETAIL);
    });
  }

  @Test
  void everyLaterCheckOfThatPageIsUnchangedToo() throws Exception {
    archivedByAnOlderExtractor();

    assertThat(check().outcome()).isEqualTo(CheckOutcome.UNCHANGED);
    assertThat(check().outcome()).isEqualTo(CheckOutcome.UNCHANGED);
    assertThat(check().outcome()).isEqualTo(CheckOutcome.UNCHANGED);

    assertThat(versions()).hasSize(1);
    long id = archive.reader().article(url).orElseThrow().id();
    assertThat(new CheckQueries(archive).checks(id)).extracting(CheckRecord::outcome)
        .containsExactly("unchanged", "unchanged", "unchanged");
  }

  @Test
  void aTitleTheOlderExtractorReadDifferentlyIsNoChangeEither() throws Exception {
    String title = versions().get(0).title();
    archivedByAnOlderExtractor(title + " | The Harbour Courier");

    CheckResult r = check();

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.UNCHANGED);
    assertThat(r.detail()).isEqualTo(ExtractorUpgrade.DETAIL);
    assertThat(versions()).singleElement().extracting(VersionRecord::title).isEqualTo(title + " | The Harbour Courier");
  }

  @Test
  void aRealEditOfAPageArchivedByAnOlderExtractorIsStillAChange() throws Exception {
    String older = archivedByAnOlderExtractor();
    site.serve(PATH, NewsPage.withChurnedFurniture()
        .set("PARA3", NewsPage.PARA3.replace("1.2 million", "1.4 million")).html());

    CheckResult r = check();

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.CHANGED);
    assertThat(r.version()).isEqualTo(2);
    assertThat(r.detail()).isNull();
    List<VersionRecord> versions = versions();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).text()).isEqualTo(older);
    assertThat(versions.get(1).text()).contains(FIRST, "1.4 million").doesNotContain("1.2 million");
  }

  @Test
  void aRealHeadlineEditIsStillAChange() throws Exception {
    archivedByAnOlderExtractor();
    site.serve(PATH, NewsPage.original().set("TITLE", "Council saves library hours after protest").html());

    CheckResult r = check();

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.CHANGED);
    assertThat(versions()).hasSize(2);
  }

  @Test
  void withoutTheArchivedPageTheCheckJudgesByTheArchivedHashAsBefore() throws Exception {
    archivedByAnOlderExtractor();
    archive.close();
    // an import of text without its page, or an archive from before raw pages were kept
    assertThat(update("UPDATE article_version SET raw_sha256=NULL")).isEqualTo(1);
    archive = Archive.open(site.db);
    checker = site.checker(archive);

    CheckResult r = check();

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.CHANGED);
    assertThat(versions()).hasSize(2);
  }

  @Test
  void theCliSaysWhyTheArticleIsUnchangedAndExitsZero() throws Exception {
    archivedByAnOlderExtractor();
    archive.close();

    CheckSite.CliRun run = site.cli("check", url);
    CheckSite.CliRun jsonl = site.cli("check", url, "--format", "jsonl");
    archive = Archive.open(site.db);

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("unchanged", url, ExtractorUpgrade.DETAIL);
    assertThat(jsonl.code()).as(jsonl.out() + jsonl.err()).isEqualTo(ExitCodes.OK);
    assertThat(jsonl.out()).contains("\"outcome\":\"unchanged\"", "\"detail\":\"" + ExtractorUpgrade.DETAIL + "\"");
    assertThat(versions()).hasSize(1);
  }

  @Test
  void aScheduledRevisitGoesThroughTheSameCheckAndFindsThePageUnchanged() throws Exception {
    archivedByAnOlderExtractor();
    archive.close();
    String[] once = {"schedule", "--once", "--set", "seeds=" + Files.createDirectories(dir.resolve("seeds")),
        "--set", "work.dir=" + dir.resolve("work"), "--set", "schedule.revisit.max-age=36500d"};
    CheckSite.CliRun first = site.cli(once);
    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
    assertThat(first.out()).contains("1 article newly revisited");
    // as if first archived two hours ago: its first re-check, an hour after, is due
    assertThat(update("UPDATE revisit SET first_seen=?", Instant.now().minus(Duration.ofHours(2)).toString()))
        .isEqualTo(1);

    CheckSite.CliRun due = site.cli(once);

    assertThat(due.code()).as(due.out() + due.err()).isEqualTo(ExitCodes.OK);
    assertThat(due.out()).contains("re-checked 1: 0 changed, 1 unchanged");
    archive = Archive.open(site.db);
    assertThat(versions()).hasSize(1);
    long id = archive.reader().article(url).orElseThrow().id();
    assertThat(new CheckQueries(archive).checks(id)).singleElement()
        .satisfies(c -> assertThat(c.detail()).isEqualTo(ExtractorUpgrade.DETAIL));
  }
}

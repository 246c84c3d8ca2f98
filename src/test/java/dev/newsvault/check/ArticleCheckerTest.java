package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.CheckQueries;
import dev.newsvault.archive.CheckTarget;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.archive.VersionRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleCheckerTest {

  @TempDir Path dir;
  CheckSite site;
  Archive archive;
  ArticleChecker checker;
  long run;

  @BeforeEach
  void setUp() throws Exception {
    site = new CheckSite(dir);
    archive = Archive.open(site.db);
    checker = site.checker(archive);
  }

  @AfterEach
  void tearDown() throws Exception {
    archive.close();
    site.close();
  }

  private String archived(String path, NewsPage page) throws Exception {
    site.serve(path, page.html());
    StoreResult r = site.archive(archive, path);
    assertThat(r.change()).isEqualTo(StoreResult.Change.NEW);
    run = archive.startRun("check", "test");
    return site.url(path);
  }

  @Test
  void bodyEditIsReportedAsChangedAndStoredAsANewVersion() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", NewsPage.original()
        .set("PARA3", NewsPage.PARA3.replace("1.2 million", "1.4 million")).html());

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).isEqualTo(CheckOutcome.CHANGED);
    assertThat(r.previousVersion()).isEqualTo(1);
    assertThat(r.version()).isEqualTo(2);
    assertThat(r.wordsAdded()).isEqualTo(1);
    assertThat(r.wordsRemoved()).isEqualTo(1);
    List<VersionRecord> versions = archive.reader().versions(archive.reader().article(url).orElseThrow().id());
    assertThat(versions).extracting(VersionRecord::version).containsExactly(1, 2);
    assertThat(versions.get(1).text()).contains("1.4 million").doesNotContain("1.2 million");
    assertThat(versions.get(0).text()).contains("1.2 million");
  }

  @Test
  void churnInPageFurnitureOnlyIsUnchanged() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", NewsPage.withChurnedFurniture().html());

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.UNCHANGED);
    assertThat(r.version()).isEqualTo(1);
    var article = archive.reader().article(url).orElseThrow();
    assertThat(archive.reader().versions(article.id())).hasSize(1);
    assertThat(article.lastChecked()).isNotNull();
  }

  @Test
  void titleChangeIsChanged() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", NewsPage.original()
        .set("TITLE", "Council cuts library hours in eleven branches").html());

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).isEqualTo(CheckOutcome.CHANGED);
    assertThat(r.detail()).isEqualTo("title or byline changed");
    VersionRecord v2 = new CheckQueries(archive).version(archive.reader().article(url).orElseThrow().id(), 2)
        .orElseThrow();
    assertThat(v2.title()).isEqualTo("Council cuts library hours in eleven branches");
  }

  @Test
  void bylineChangeIsChanged() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", NewsPage.original().set("BYLINE", "Maria Okafor and Tom Reyes").html());

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).isEqualTo(CheckOutcome.CHANGED);
    assertThat(r.version()).isEqualTo(2);
  }

  @Test
  void validatorsOfTheArchivedVersionAreSentAndA304IsUnchanged() throws Exception {
    String lastModified = "Fri, 20 Nov 2026 08:15:00 GMT";
    site.serve("/news/library-cuts", NewsPage.original().html(), "\"v1-etag\"", lastModified);
    site.archive(archive, "/news/library-cuts");
    long checkRun = archive.startRun("check", "test");
    site.serve("/news/library-cuts", new MockResponse().setResponseCode(304).setHeader("ETag", "\"v1-etag\""));
    site.requests.clear();

    CheckResult r = checker.check(checkRun, site.url("/news/library-cuts"));

    assertThat(r.outcome()).isEqualTo(CheckOutcome.UNCHANGED);
    assertThat(r.version()).isEqualTo(1);
    RecordedRequest sent = site.requests.get(0);
    assertThat(sent.getHeader("If-None-Match")).isEqualTo("\"v1-etag\"");
    assertThat(sent.getHeader("If-Modified-Since")).isEqualTo(lastModified);
  }

  @Test
  void newValidatorsFromAnUnchangedPageAreSentNextTime() throws Exception {
    site.serve("/news/library-cuts", NewsPage.original().html(), "\"a\"", null);
    site.archive(archive, "/news/library-cuts");
    long checkRun = archive.startRun("check", "test");
    site.serve("/news/library-cuts", NewsPage.withChurnedFurniture().html(), "\"b\"", null);
    assertThat(checker.check(checkRun, site.url("/news/library-cuts")).outcome()).isEqualTo(CheckOutcome.UNCHANGED);
    site.requests.clear();

    checker.check(checkRun, site.url("/news/library-cuts"));

    assertThat(site.requests.get(0).getHeader("If-None-Match")).isEqualTo("\"b\"");
  }

  @Test
  void notFoundAndGoneAreGone() throws Exception {
    String a = archived("/news/a", NewsPage.original());
    String b = archived("/news/b", NewsPage.original());
    site.serve("/news/a", new MockResponse().setResponseCode(404));
    site.serve("/news/b", new MockResponse().setResponseCode(410));

    assertThat(checker.check(run, a).outcome()).isEqualTo(CheckOutcome.GONE);
    CheckResult rb = checker.check(run, b);

    assertThat(rb.outcome()).isEqualTo(CheckOutcome.GONE);
    assertThat(rb.detail()).contains("HTTP 410");
    assertThat(archive.reader().article(a).orElseThrow().state()).isEqualTo("gone");
    assertThat(archive.reader().article(b).orElseThrow().state()).isEqualTo("gone");
  }

  @Test
  void redirectToAnotherArticleIsMoved() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", new MockResponse().setResponseCode(301)
        .setHeader("Location", "/politics/2026/library-cuts-vote"));
    site.serve("/politics/2026/library-cuts-vote", NewsPage.original().html());

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).isEqualTo(CheckOutcome.MOVED);
    assertThat(r.finalUrl()).isEqualTo(site.url("/politics/2026/library-cuts-vote"));
    assertThat(archive.reader().article(url).orElseThrow().state()).isEqualTo("moved");
  }

  @Test
  void redirectThatOnlyAddsATrailingSlashIsTheSameArticle() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", new MockResponse().setResponseCode(301).setHeader("Location", "/news/library-cuts/"));
    site.serve("/news/library-cuts/", NewsPage.withChurnedFurniture().html());

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.UNCHANGED);
    assertThat(r.finalUrl()).isEqualTo(site.url("/news/library-cuts/"));
    assertThat(archive.reader().article(site.url("/news/library-cuts/"))).isEmpty();
  }

  @Test
  void redirectToTheHomePageIsGone() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", new MockResponse().setResponseCode(302).setHeader("Location", "/"));
    site.serve("/", "<html><body><h1>The Harbour Courier</h1></body></html>");

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).isEqualTo(CheckOutcome.GONE);
    assertThat(r.detail()).startsWith("redirected to the home page");
  }

  @Test
  void loginWallIsAnErrorAndNotStoredAsAVersion() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", NewsPage.template("login-wall.html"));

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).isEqualTo(CheckOutcome.ERROR);
    assertThat(r.detail()).matches("page no longer holds the article \\(text fell from \\d+ to \\d+ words\\).*");
    var article = archive.reader().article(url).orElseThrow();
    assertThat(archive.reader().versions(article.id())).hasSize(1);
    assertThat(article.state()).isEqualTo("live");
  }

  @Test
  void tooLargePageIsAnError() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    site.serve("/news/library-cuts", "<html><body><p>" + "x ".repeat(3_000_000) + "</p></body></html>");

    CheckResult r = checker.check(run, url);

    assertThat(r.outcome()).isEqualTo(CheckOutcome.ERROR);
    assertThat(r.detail()).startsWith("too_large:");
  }

  @Test
  void timeoutIsAnErrorAndTheBatchGoesOn() throws Exception {
    archived("/news/slow", NewsPage.original());
    archived("/news/edited", NewsPage.original());
    archived("/news/same", NewsPage.original());
    site.serve("/news/slow", new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    site.serve("/news/edited", NewsPage.original().set("PARA3", "The budget falls by a third.").html());
    List<CheckTarget> targets = checker.liveTargets(null, null);
    List<CheckResult> results = new ArrayList<>();

    CheckSummary s = checker.batch(2).run(run, targets, results::add);

    assertThat(results).hasSize(3);
    assertThat(s.count(CheckOutcome.ERROR)).isEqualTo(1);
    assertThat(s.count(CheckOutcome.CHANGED)).isEqualTo(1);
    assertThat(s.count(CheckOutcome.UNCHANGED)).isEqualTo(1);
    assertThat(results).filteredOn(r -> r.url().endsWith("/news/slow")).singleElement()
        .satisfies(r -> assertThat(r.detail()).startsWith("timeout:"));
  }

  @Test
  void neverArchivedUrlIsAnErrorWithoutFetching() throws Exception {
    run = archive.startRun("check", "test");

    CheckResult r = checker.check(run, site.url("/news/never-seen"));

    assertThat(r.outcome()).isEqualTo(CheckOutcome.ERROR);
    assertThat(r.detail()).isEqualTo("not in the archive; ./newsvault stats lists sites");
    assertThat(site.requests).isEmpty();
  }

  @Test
  void everyCheckIsRecorded() throws Exception {
    String url = archived("/news/library-cuts", NewsPage.original());
    checker.check(run, url);
    site.serve("/news/library-cuts", new MockResponse().setResponseCode(410));
    checker.check(run, url);

    var checks = new CheckQueries(archive).checks(archive.reader().article(url).orElseThrow().id());

    assertThat(checks).extracting(c -> c.outcome()).containsExactly("unchanged", "gone");
    assertThat(checks).allSatisfy(c -> assertThat(c.fetchId()).isPositive());
  }
}

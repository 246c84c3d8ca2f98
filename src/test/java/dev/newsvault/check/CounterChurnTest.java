package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.archive.VersionRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counters inside the article body (not named by the markup) change on every visit; re-checking over real HTTP
 * must find the article unchanged and store no version, while a number in a sentence of the story is an edit.
 */
class CounterChurnTest {

  @TempDir Path dir;
  CheckSite site;
  Archive archive;
  ArticleChecker checker;

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

  private List<VersionRecord> versions(String url) throws Exception {
    return archive.reader().versions(archive.reader().article(url).orElseThrow().id());
  }

  /** Archives {@code html} at {@code path}, then serves {@code later} there and checks it. */
  private CheckResult archiveThenCheck(String path, String html, String later) throws Exception {
    site.serve(path, html);
    assertThat(site.archive(archive, path).change()).isEqualTo(StoreResult.Change.NEW);
    site.serve(path, later);
    return checker.check(archive.startRun("check", "test"), site.url(path));
  }

  static Stream<Arguments> shapes() {
    return Stream.of("en", "de", "fr", "es")
        .flatMap(lang -> Stream.of("META", "POST", "IG").map(shape -> Arguments.of(lang, shape)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("shapes")
  void aCounterThatChangesInsideTheArticleIsNotAnEdit(String lang, String shape) throws Exception {
    CounterPage.Counts c = CounterPage.COUNTS.get(lang);
    String first = switch (shape) {
      case "META" -> c.meta1();
      case "POST" -> c.post1();
      default -> c.ig1();
    };
    CheckResult r = archiveThenCheck("/news/crane", CounterPage.article(lang).html(),
        CounterPage.article(lang).churned(lang, shape).html());

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.UNCHANGED);
    List<VersionRecord> versions = versions(site.url("/news/crane"));
    assertThat(versions).hasSize(1);
    // the counter is part of the archived text: it is the hash, not the extractor, that leaves it out
    assertThat(versions.get(0).text()).contains(first);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"en", "de", "fr", "es"})
  void allThreeCountersChangingTogetherIsNotAnEditEither(String lang) throws Exception {
    CheckResult r = archiveThenCheck("/news/crane", CounterPage.article(lang).html(), CounterPage.article(lang)
        .churned(lang, "META").churned(lang, "POST").churned(lang, "IG").html());

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.UNCHANGED);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"en", "de", "fr", "es"})
  void aNumberInASentenceOfTheStoryIsStillAnEdit(String lang) throws Exception {
    CheckResult r = archiveThenCheck("/news/crane", CounterPage.article(lang).html(), CounterPage.article(lang)
        .churned(lang, "META").churned(lang, "POST").set("HURT", "15").html());

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.CHANGED);
    assertThat(r.change()).isEqualTo(new ChangeLabel(ChangeKind.NUMBER, 1, 1));
    List<VersionRecord> versions = versions(site.url("/news/crane"));
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).text()).contains("15 ");
  }

  @org.junit.jupiter.api.Test
  void anArchiveHashedBeforeCountersWereLeftOutGetsNoFalseChange() throws Exception {
    String path = "/news/crane";
    site.serve(path, CounterPage.article("en").html());
    site.archive(archive, path);
    var article = archive.reader().article(site.url(path)).orElseThrow();
    String text = versions(site.url(path)).get(0).text();
    // the hash as it was computed before: of the normalized text, counters and all
    var old = dev.newsvault.archive.ContentHash.of(dev.newsvault.archive.ContentHash.normalize(text)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    new dev.newsvault.archive.CheckQueries(archive).rehash(article.id(), 1, old);
    site.serve(path, CounterPage.article("en").churned("en", "META").html());

    CheckResult r = checker.check(archive.startRun("check", "test"), site.url(path));

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.UNCHANGED);
    assertThat(versions(site.url(path))).singleElement()
        .satisfies(v -> assertThat(v.textHash()).isEqualTo(dev.newsvault.archive.ContentHash.ofText(text)));
  }

  static Stream<String> embeds() {
    return CounterPage.EMBEDS.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("embeds")
  void countsUnderAnEmbeddedPostAreNotAnEdit(String family) throws Exception {
    CheckResult r = archiveThenCheck("/news/reactions", CounterPage.embeds().html(),
        CounterPage.embeds().set(family, CounterPage.EMBEDS.get(family)[1]).html());

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.UNCHANGED);
    List<VersionRecord> versions = versions(site.url("/news/reactions"));
    assertThat(versions).hasSize(1);
    String counts = CounterPage.EMBEDS.get(family)[0];
    assertThat(versions.get(0).text()).contains(counts.substring(counts.indexOf(' ') + 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("embeds")
  void theTextOfAnEmbeddedPostStillCounts(String family) throws Exception {
    String html = CounterPage.embeds().html();
    String edited = switch (family) {
      case "TWITTER" -> html.replace("Everyone on our", "Everybody on our");
      case "INSTAGRAM" -> html.replace("this morning, the crane", "this morning: the crane");
      case "FACEBOOK" -> html.replace("until Thursday", "until Friday");
      case "TIKTOK" -> html.replace("filmed from the sea wall</p>", "filmed from the harbour wall</p>");
      case "YOUTUBE" -> html.replace("live from the sea wall", "recorded from the sea wall");
      case "BLUESKY" -> html.replace("crane four", "crane five");
      default -> html.replace("published this week", "published today");
    };
    assertThat(edited).isNotEqualTo(html);
    CheckResult r = archiveThenCheck("/news/reactions", html, edited);

    assertThat(r.outcome()).as(r.toString()).isEqualTo(CheckOutcome.CHANGED);
  }
}

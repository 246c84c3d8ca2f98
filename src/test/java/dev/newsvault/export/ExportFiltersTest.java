package dev.newsvault.export;

import static dev.newsvault.export.ExportFormatsTest.jsonl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFiltersTest {

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void archive() throws IOException {
    db = dir.resolve("news.db");
    Archives a = Archives.create(db);
    a.article("http://example.com/a", "A", "2026-01-01", "en", "2026-01-10T00:00:00Z", Archives.story(1, 400));
    a.article("http://www.example.com/b", "B", "2026-01-15T23:30:00Z", "en-GB", "2026-01-16T00:00:00Z",
        Archives.story(2, 400));
    a.article("http://sub.deep.example.com/c", "C", "2026-02-01", "de", "2026-02-02T00:00:00Z",
        Archives.story(3, 400));
    a.article("http://notexample.com/d", "D", "2026-01-20", "en", "2026-01-21T00:00:00Z", Archives.story(4, 400));
    a.article("http://example.org/short", "E", "2026-01-20", "en", "2026-03-01T00:00:00Z", Archives.story(5, 40));
    a.article("http://example.org/nodate", "F", null, "en", "2026-03-02T00:00:00Z", Archives.story(6, 400));
    a.close();
  }

  private List<String> titles(String... filters) throws IOException {
    List<String> args = new ArrayList<>(List.of("export", "--db", db.toString(), "--format", "jsonl", "--out", "-"));
    args.addAll(List.of(filters));
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return jsonl(r.out()).stream().map(n -> n.get("title").asText()).toList();
  }

  @Test
  void siteMatchesTheHostAndItsSubdomainsButNotLookalikes() throws IOException {
    assertThat(titles("--site", "example.com")).containsExactly("A", "B", "C");
    assertThat(titles("--site", "EXAMPLE.com", "--site", "example.org")).containsExactly("A", "B", "C", "E", "F");
  }

  @Test
  void sinceAndUntilTestThePublishedDateAndAWholeDayIsIncluded() throws IOException {
    assertThat(titles("--since", "2026-01-15", "--until", "2026-01-20")).containsExactly("B", "D", "E");
    assertThat(titles("--until", "2026-01-15T23:00:00Z")).containsExactly("A");
    // F has no date: it counts from when it was first archived (2026-03-02)
    assertThat(titles("--since", "2026-02-01T00:00:00+01:00")).containsExactly("C", "F");
  }

  @Test
  void whatAFeedSaidAboutAnArticleFillsTheDateAndAuthorThePageLacked() throws Exception {
    try (dev.newsvault.archive.Archive a = dev.newsvault.archive.Archive.open(db)) {
      String url = "http://example.org/bare";
      String text = Archives.story(8, 300);
      a.store(a.startRun("crawl", "test"), new dev.newsvault.fetch.Capture(url, url, 200,
          java.time.Instant.parse("2026-03-06T00:00:00Z"), 40, "text/html", null, null, java.util.Map.of(),
          Archives.page("G", text).getBytes(java.nio.charset.StandardCharsets.UTF_8), null),
          new dev.newsvault.extract.Article(url, null, "G", List.of(), null, null, null, "en", null, List.of(), null,
              text));
      var feeds = new dev.newsvault.archive.FeedQueries(a);
      feeds.recordEntry(url, "http://example.org/feed.xml", "feed", "G from the feed",
          java.time.Instant.parse("2026-03-04T08:00:00Z"), "Feed Author", java.time.Instant.now());
      feeds.recordEntry("http://example.org/nodate", "http://example.org/feed.xml", "feed", "F from the feed",
          java.time.Instant.parse("2026-03-05T08:00:00Z"), "Feed Author", java.time.Instant.now());
      feeds.recordEntry("http://example.com/a", "http://example.com/feed.xml", "feed", "A from the feed",
          java.time.Instant.parse("2025-12-31T00:00:00Z"), "Other Author", java.time.Instant.now());
    }
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-");
    JsonNode f = jsonl(r.out()).stream().filter(n -> n.get("title").asText().equals("F")).findFirst().orElseThrow();
    assertThat(f.get("date_publish").asText()).startsWith("2026-03-05");
    assertThat(f.get("authors").get(0).asText()).isEqualTo("Dana Reporter");
    JsonNode g = jsonl(r.out()).stream().filter(n -> n.get("title").asText().equals("G")).findFirst().orElseThrow();
    assertThat(g.get("date_publish").asText()).startsWith("2026-03-04");
    assertThat(g.get("authors")).hasSize(1);
    assertThat(g.get("authors").get(0).asText()).isEqualTo("Feed Author");
    // The page's own metadata wins over the feed's.
    JsonNode a = jsonl(r.out()).stream().filter(n -> n.get("title").asText().equals("A")).findFirst().orElseThrow();
    assertThat(a.get("date_publish").asText()).startsWith("2026-01-01");
    assertThat(titles("--since", "2026-03-01")).containsExactly("F", "G");
  }

  @Test
  void dateFieldFetchedFiltersOnTheFetchTime() throws IOException {
    assertThat(titles("--date-field", "fetched", "--since", "2026-03-01")).containsExactly("E", "F");
  }

  @Test
  void languageMatchesRegionalVariantsAndMinWordsDropsShortTexts() throws IOException {
    assertThat(titles("--language", "en")).containsExactly("A", "B", "D", "E", "F");
    assertThat(titles("--language", "de")).containsExactly("C");
    assertThat(titles("--min-words", "100")).containsExactly("A", "B", "C", "D", "F");
  }

  @Test
  void checkpointExportsOnlyWhatIsNewOrChangedAndMovesOnlyAfterACompleteExport() throws IOException {
    String[] args = {"export", "--db", db.toString(), "--format", "jsonl", "--out", "-",
        "--changed-since-last-export", "weekly"};
    assertThat(jsonl(Cli.run(args).out())).hasSize(6);
    Cli again = Cli.run(args);
    assertThat(again.out()).isEmpty();
    assertThat(again.err()).contains("no article versions matched").contains("weekly");

    Archives a = Archives.create(db);
    a.article("http://example.com/a", "A", "2026-01-01", "en", "2026-04-01T00:00:00Z",
        Archives.story(1, 400) + "\n\nCorrection: an earlier version misspelled a name.");
    a.article("http://example.com/new", "G", "2026-04-01", "en", "2026-04-01T00:00:00Z", Archives.story(7, 400));
    a.close();

    Path bad = dir.resolve("no-such-folder").resolve("x.jsonl");
    Cli failed = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", bad.toString(),
        "--changed-since-last-export", "weekly");
    assertThat(failed.code()).isEqualTo(4);

    List<JsonNode> changed = jsonl(Cli.run(args).out());
    assertThat(changed).extracting(n -> n.get("title").asText() + " v" + n.get("version").asInt())
        .containsExactly("A v2", "G v1");
    assertThat(Cli.run(args).out()).isEmpty();
    // another name has its own memory
    args[args.length - 1] = "monthly";
    assertThat(jsonl(Cli.run(args).out())).hasSize(7);
  }
}

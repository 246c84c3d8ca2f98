package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How search sorts: by BM25 or by day over the matches that pass the filters; and, when more versions match than
 * are sorted, over the most recently archived of them only.
 */
class SearchRankingTest {

  @TempDir Path dir;
  Path db;

  /** Archived in this order: the oldest says "tram" most often (most relevant) but was published last. */
  @BeforeEach
  void archive() throws Exception {
    db = dir.resolve("archive.db");
    try (Archive a = Archive.open(db)) {
      long run = a.startRun("crawl", "t");
      store(a, run, "http://a.test/1", "Tram tram tram", "The tram, the tram line and the new tram depot.",
          "2026-03-09", "2026-03-01T00:00:00Z");
      store(a, run, "http://b.test/2", "Council meets", "The council also spoke about a tram once.", "2026-03-02",
          "2026-03-02T00:00:00Z");
      store(a, run, "http://a.test/3", "Budget", "The budget mentions the tram.", "2026-03-03", "2026-03-03T00:00:00Z");
      store(a, run, "http://a.test/4", "Harbour", "Nothing about trains here.", "2026-03-04", "2026-03-04T00:00:00Z");
    }
  }

  private static void store(Archive a, long run, String url, String title, String text, String published,
      String at) throws Exception {
    Capture c = new Capture(url, url, 200, Instant.parse(at), 5, "text/html", null, null, Map.of(),
        ("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8), null);
    a.store(run, c, new Article(url, url, title, List.of(), published, null, null, "en", null, List.of(), null, text));
  }

  private SearchQueries.Result search(int maxRanked, String q, String site, boolean newest) throws Exception {
    try (ReadPool pool = ReadPool.open(db, 1)) {
      return new SearchQueries(pool, maxRanked).search(new SearchQuery(q, site, null, null, null, false, false,
          newest, 1));
    }
  }

  private static List<String> urls(SearchQueries.Result r) {
    return r.hits().stream().map(SearchQueries.Hit::url).toList();
  }

  @Test
  void allMatchesAreSortedByRelevanceWhenTheyAreFewerThanTheLimit() throws Exception {
    SearchQueries.Result r = search(SearchQueries.MAX_RANKED, "tram", null, false);
    assertThat(r.total()).isEqualTo(3);
    assertThat(r.newestOnly()).isFalse();
    assertThat(urls(r)).first().isEqualTo("http://a.test/1");
  }

  @Test
  void newestSortsByPublishedDayNotByArchiveOrder() throws Exception {
    assertThat(urls(search(SearchQueries.MAX_RANKED, "tram", null, true)))
        .containsExactly("http://a.test/1", "http://a.test/3", "http://b.test/2");
  }

  @Test
  void withMoreMatchesThanTheLimitOnlyTheMostRecentlyArchivedAreSorted() throws Exception {
    SearchQueries.Result r = search(2, "tram", null, false);
    assertThat(r.newestOnly()).isTrue();
    assertThat(r.total()).as("counting is not limited by sorting").isEqualTo(3);
    assertThat(urls(r)).containsExactlyInAnyOrder("http://b.test/2", "http://a.test/3");
  }

  @Test
  void theLimitCountsOnlyMatchesThatPassTheFilters() throws Exception {
    // b.test/2 is newer than a.test/1 but on another site: a.test's two matches are all there is to sort.
    SearchQueries.Result r = search(2, "tram", "a.test", false);
    assertThat(r.newestOnly()).isFalse();
    assertThat(urls(r)).containsExactly("http://a.test/1", "http://a.test/3");
  }
}

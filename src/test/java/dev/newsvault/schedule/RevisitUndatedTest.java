package dev.newsvault.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.check.CheckOutcome;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revisits of articles with an old date, a bare date and none: the round says why articles ended at once. */
class RevisitUndatedTest {

  @TempDir Path dir;

  @Test
  void oldStoriesEndInTheirFirstRoundAndTheSummarySaysWhyWhileUndatedOnesCountFromFirstArchived()
      throws Exception {
    MutableClock clock = new MutableClock("2026-12-06T09:30:00Z");
    try (Archive a = Archive.open(dir.resolve("a.db"))) {
      long run = a.startRun("crawl", "test");
      store(a, run, "http://news.test/old", "2024-04-07T12:00:00+01:00");
      store(a, run, "http://news.test/old-bare-date", "2024-04-07"); // as a date line or the URL gives it
      store(a, run, "http://news.test/undated", null);

      JobResult r = new RevisitRound(a, RevisitSettings.DEFAULTS, (id, url) -> CheckOutcome.UNCHANGED, clock).run();

      assertThat(r.summary()).isEqualTo("nothing due; 3 articles newly revisited, 2 no longer revisited (older than"
          + " schedule.revisit.max-age, gone or moved); 2 of them published more than 7d ago (undated ones count from"
          + " when first archived)");
      // the undated article is revisited an hour after it was first archived
      clock.advance(java.time.Duration.ofHours(2));
      JobResult next = new RevisitRound(a, RevisitSettings.DEFAULTS, (id, url) -> CheckOutcome.UNCHANGED, clock).run();
      assertThat(next.summary()).startsWith("re-checked 1: 0 changed, 1 unchanged");
    }
  }

  private static void store(Archive a, long run, String url, String published) throws Exception {
    String text = "Council members met on Tuesday to discuss the budget for the coming year in detail. ".repeat(8);
    String html = "<html><body><h1>Budget</h1><p>" + text + "</p></body></html>";
    a.store(run, new Capture(url, url, 200, Instant.parse("2026-12-06T09:00:00Z"), 40, "text/html", null, null,
        Map.of(), html.getBytes(StandardCharsets.UTF_8), null),
        new Article(url, null, "Budget " + url, List.of(), published, null, null, "en", null, List.of(), null, text,
            "en", published == null ? null : "text", null, null));
  }
}

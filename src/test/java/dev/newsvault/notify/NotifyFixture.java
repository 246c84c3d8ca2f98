package dev.newsvault.notify;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.StoreResult;
import dev.newsvault.config.ConfigLoader;
import dev.newsvault.config.Settings;
import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Versions stored straight into an archive, settings from a map, and a clock the test moves. */
final class NotifyFixture {

  static final String STORY = "The council met on Monday evening to discuss the plan for the harbour. Members"
      + " spoke for three hours about the cost of the new bridge and the ferry timetable.\n\nThe mayor said the"
      + " city would decide by the end of the month, after the public consultation closes on Friday.";

  private NotifyFixture() {}

  /** Stores one capture of {@code url} holding {@code title} and {@code text}. */
  static StoreResult store(Archive a, String url, String title, String text) throws ArchiveException {
    long run = a.startRun("crawl", "test");
    Capture c = new Capture(url, url, 200, Instant.now(), 5, "text/html; charset=utf-8", null, null, Map.of(),
        ("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8), null);
    Article art = new Article(url, url, title, List.of("Ann Writer"), "2026-01-01", null, "Site", "en", null,
        List.of(), null, text);
    StoreResult r = a.store(run, c, art);
    a.flush();
    return r;
  }

  static Settings settings(Path dir, Map<String, String> keys) {
    Map<String, String> all = new HashMap<>(keys);
    all.putIfAbsent("seeds", dir.resolve("seeds").toString());
    all.putIfAbsent("database", dir.resolve("news.db").toString());
    return ConfigLoader.load(null, false, all);
  }

  /** A clock that stands still until the test moves it. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}

package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.FeedQueries;
import dev.newsvault.seed.FixtureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleCommandTest {

  @TempDir Path dir;
  FixtureServer web;
  Path seeds;

  record Result(int code, String out, String err) {}

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", dir.resolve("none.properties").toString(), "--db", dir.resolve("a.db").toString(),
        "--set", "seeds=" + seeds, "--set", "politeness.delay.ms=0", "--set", "fetch.allow.private=true", "--set", "work.dir=" + dir.resolve("work"),
        // the feed fixture's articles are from 2025; keep them young enough to revisit
        "--set", "schedule.revisit.max-age=36500d"));
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static String article(String title) {
    StringBuilder b = new StringBuilder("<!doctype html><html><head><title>" + title + "</title></head><body>"
        + "<nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1>");
    for (int i = 0; i < 5; i++) {
      b.append("<p>Reporters on the ground described the scene in detail, paragraph ").append(i)
          .append(", as officials confirmed the figures and residents spoke about what happened next in the town.</p>");
    }
    return b.append("</article><footer>Copyright</footer></body></html>").toString();
  }

  @BeforeEach
  void start() throws Exception {
    Files.writeString(dir.resolve("none.properties"), "");
    web = new FixtureServer();
    web.fixture("/feeds/world.rss", "application/rss+xml", "rss2.xml");
    web.route("/world/2025/mar/04/talks-resume", "text/html", article("Talks resume"));
    web.route("/world/2025/mar/04/floods-schools", "text/html", article("Floods close schools"));
    web.route("/business/2025/mar/04/markets", "text/html", article("Markets open higher"));
    seeds = Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(seeds.resolve("world.txt"), "# world news\n" + web.url("/feeds/world.rss") + "\ttype=feed\n");
  }

  @AfterEach
  void stop() throws Exception {
    web.close();
  }

  @Test
  void onceCrawlsTheArticlesOfADueFeedThenNothingUntilTheNextRun() throws Exception {
    Result first = run("schedule", "--once", "--set", "schedule.world.every=2h");
    assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
    assertThat(first.out()).contains("world: finished: 3 start URLs", "archived 3 (3 new");
    try (Archive a = Archive.openReadOnly(dir.resolve("a.db"))) {
      assertThat(a.reader().article(web.url("/world/2025/mar/04/talks-resume"))).isPresent();
      var entry = new FeedQueries(a).entry(web.url("/world/2025/mar/04/talks-resume")).orElseThrow();
      assertThat(entry.title()).isEqualTo("Talks resume as ceasefire deadline nears");
      assertThat(entry.author()).isEqualTo("Jane Reporter");
      assertThat(entry.published()).isEqualTo("2025-03-04T09:58:12Z");
    }

    Result second = run("schedule", "--once", "--set", "schedule.world.every=2h");
    assertThat(second.code()).isEqualTo(ExitCodes.OK);
    assertThat(second.out()).contains("No seed list is due").doesNotContain("world: finished");

    Result status = run("status", "--set", "schedule.world.every=2h");
    assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
    assertThat(status.out()).contains("world", "every 2h", "finished", "3 articles under revisit, 0 due now",
        web.url("/world/2025/mar/04/talks-resume"), "every 1h", "Example Times - World");
  }

  @Test
  void anInvalidCronIsAUsageErrorNamingTheListAndValue() {
    Result r = run("schedule", "--once", "--set", "schedule.world.cron=0 25 * * *");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("schedule.world.cron", "'0 25 * * *'");
    Result unknown = run("schedule", "--once", "--set", "schedule.sports.every=1h");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("seed list 'sports'", "world");
    Result badEvery = run("status", "--set", "schedule.default.every=soon");
    assertThat(badEvery.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(badEvery.err()).contains("schedule.default.every", "'soon'");
  }
}

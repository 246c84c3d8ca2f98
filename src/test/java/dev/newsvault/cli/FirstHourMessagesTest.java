package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.config.Plural;
import dev.newsvault.demo.DemoSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages of the first hour: newsvault's own voice, the word the user typed, plurals, no jargon, said once. */
class FirstHourMessagesTest {

  @TempDir Path dir;

  @Test
  void aMisspeltOptionIsNamedEvenWhenARequiredOptionIsMissing() {
    CliRun r = CliRun.of("export", "--fromat", "jsonl", "--out", dir.resolve("x.jsonl").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("newsvault: unknown option '--fromat' (did you mean '--format'?)")
        .doesNotContain("Missing required option");
  }

  @Test
  void anOptionWithoutItsValueIsNamedAsTyped() {
    CliRun r = CliRun.of("crawl", "--db");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("newsvault: option '--db' needs a value (FILE)").doesNotContain("--archive");
  }

  @Test
  void picocliMessagesSpeakInLowerCaseLikeOurs() {
    CliRun r = CliRun.of("stats", "--bogus");
    assertThat(r.err()).startsWith("newsvault: unknown option: '--bogus'");
  }

  @Test
  void theLockMessageSuggestsDb() throws Exception {
    Path db = dir.resolve("a.db");
    try (Archive held = Archive.open(db)) {
      CliRun r = CliRun.of("crawl", "--db", db.toString(), "--seeds",
          Files.writeString(dir.resolve("s.txt"), "http://127.0.0.1:9/\n").toString());
      assertThat(r.code()).isEqualTo(ExitCodes.LOCKED);
      assertThat(r.err()).contains("--db PATH").doesNotContain("--set database");
    }
  }

  @Test
  void countsAgreeWithTheirNouns() {
    assertThat(Plural.of(1, "word")).isEqualTo("1 word");
    assertThat(Plural.of(1204, "word")).isEqualTo("1,204 words");
    assertThat(Plural.of(1, "WARC file")).isEqualTo("1 WARC file");
    assertThat(Plural.rate(1.2, "URL", "URLs")).isEqualTo("1 URL/s");
    assertThat(Plural.rate(35.4, "URL", "URLs")).isEqualTo("35 URLs/s");
  }

  @Test
  void oneFailedSeedIsNotAll() throws Exception {
    Path seeds = Files.writeString(dir.resolve("s.txt"), "http://127.0.0.1:9/\n");
    CliRun r = CliRun.of("crawl", "--seeds", seeds.toString(), "--db", dir.resolve("a.db").toString(),
        "--set", "fetch.allow.private=true", "--set", "work.dir=" + dir.resolve("work"));
    assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(r.out()).contains("Crawl run #1 failed").contains("the one seed URL failed")
        .doesNotContain("all 1 seed").doesNotContain("finished");
  }

  @Test
  void scheduleOnceSaysEachResultOnceAndWithoutJargon() throws Exception {
    PrintStream saved = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    CliRun r;
    try (DemoSite site = DemoSite.start()) {
      Path seeds = Files.writeString(dir.resolve("news.txt"), site.baseUrl() + "\tdepth=0\n");
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      r = CliRun.of("schedule", "--once", "--seeds", seeds.toString(), "--db", dir.resolve("a.db").toString(),
          "--set", "fetch.allow.private=true", "--set", "politeness.delay.ms=0", "--set",
          "work.dir=" + dir.resolve("work"));
    } finally {
      System.setErr(saved);
    }
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("news: finished:").contains("revisits: finished: nothing due")
        .contains("newly revisited").doesNotContain("new under revisit");
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("news: run").doesNotContain("revisits: run");
  }

  /**
   * check refuses URLs on internal addresses without a request, so it does not rest the host between them: with
   * a ten-minute politeness delay, three refused URLs would take twenty minutes and hit the test's time limit.
   */
  @Test
  void checkDoesNotWaitOutPolitenessForUrlsItRefusesWithoutARequest() throws Exception {
    Path db = dir.resolve("a.db");
    try (DemoSite site = DemoSite.start()) {
      StringBuilder seeds = new StringBuilder();
      for (String path : site.articlePaths().subList(0, 3)) {
        seeds.append(site.baseUrl().resolve(path)).append("\tdepth=0\n");
      }
      Path file = Files.writeString(dir.resolve("s.txt"), seeds);
      CliRun crawl = CliRun.of("crawl", "--seeds", file.toString(), "--db", db.toString(), "--set",
          "fetch.allow.private=true", "--set", "politeness.delay.ms=0", "--set", "work.dir=" + dir.resolve("w"));
      assertThat(crawl.code()).as(crawl.out() + crawl.err()).isZero();
      CliRun check = CliRun.of("check", "--all", "--db", db.toString(), "--set", "politeness.delay.ms=600000",
          "--concurrency", "1");
      assertThat(check.out()).contains("0 unchanged").contains("3 error");
      assertThat(check.out() + check.err()).contains("internal addresses are not fetched");
    }
  }
}

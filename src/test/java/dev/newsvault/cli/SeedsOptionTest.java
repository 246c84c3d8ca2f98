package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.demo.DemoSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawl --seeds FILE}, {@code crawl FILE} and {@code schedule --seeds FILE}: a seed file without a config key. */
class SeedsOptionTest {

  private static DemoSite site;

  @TempDir Path dir;

  @BeforeAll
  static void startSite() {
    site = DemoSite.start();
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  private Path seedFile(String name) throws Exception {
    return Files.writeString(dir.resolve(name), "# my sites\n" + site.baseUrl() + "\tdepth=0\n");
  }

  private CliRun crawl(String... args) {
    String[] common = {"--db", dir.resolve("a.db").toString(), "--set", "fetch.allow.private=true",
        "--set", "politeness.delay.ms=0", "--set", "work.dir=" + dir.resolve("work")};
    String[] all = new String[1 + args.length + common.length];
    all[0] = "crawl";
    System.arraycopy(args, 0, all, 1, args.length);
    System.arraycopy(common, 0, all, 1 + args.length, common.length);
    return CliRun.of(all);
  }

  private long fetches() throws Exception {
    try (Archive a = Archive.openReadOnly(dir.resolve("a.db"))) {
      return a.reader().stats().fetches();
    }
  }

  @Test
  void crawlSeedsCrawlsThatFileInsteadOfTheSeedsKey() throws Exception {
    Path seeds = seedFile("my-sites.txt");
    // the seeds key points at a folder that does not exist: --seeds must win over it
    CliRun r = crawl("--seeds", seeds.toString(), "--set", "seeds=" + dir.resolve("nowhere"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("tried 1");
    assertThat(fetches()).isEqualTo(1);
  }

  @Test
  void aSeedFileAfterTheCommandIsTheSameAsSeeds() throws Exception {
    CliRun r = crawl(seedFile("my-sites.txt").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("tried 1");
  }

  @Test
  void twoDifferentSeedListsAreABadCommandLine() throws Exception {
    CliRun r = crawl("--seeds", seedFile("a.txt").toString(), seedFile("b.txt").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("two seed lists", "a.txt", "b.txt");
    assertThat(dir.resolve("a.db")).doesNotExist();
  }

  @Test
  void aMissingSeedFileNamesTheOption() {
    CliRun r = crawl("--seeds", dir.resolve("my-sites.txt").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("my-sites.txt", "does not exist");
  }

  @Test
  void scheduleSeedsNamesTheListAfterTheFile() throws Exception {
    Path seeds = seedFile("my-sites.txt");
    CliRun r = CliRun.of("schedule", "--once", "--seeds", seeds.toString(), "--set",
        "schedule.my-sites.every=30m", "--db", dir.resolve("a.db").toString(), "--set", "fetch.allow.private=true",
        "--set", "politeness.delay.ms=0", "--set", "work.dir=" + dir.resolve("work"));
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    CliRun status = CliRun.of("status", "--db", dir.resolve("a.db").toString(), "--seeds", seeds.toString(),
        "--set", "schedule.my-sites.every=30m");
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).contains("my-sites", "every 30m");
    assertThat(fetches()).isEqualTo(1);
  }
}

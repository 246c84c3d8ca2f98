package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.seed.SeedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees on the first wrong turns: usage, suggestions, and the right exit codes. */
class FirstRunMessagesTest {

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void noCommandPrintsTheUsageOnStderrAndExitsTwo() {
    CliRun r = run();
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("missing command", "Usage: newsvault", "crawl", "export");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMisspeltCommandGetsADidYouMean() {
    CliRun r = run("crawll");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("unknown command 'crawll'", "Did you mean", "newsvault crawl");
  }

  @Test
  void aMisspeltSeedSettingGetsADidYouMean() throws Exception {
    Path seeds = Files.writeString(dir.resolve("news.txt"), "http://127.0.0.1:9/\tdepht=1\n");
    var list = SeedReader.read(seeds);
    assertThat(list.seeds()).isEmpty();
    assertThat(list.problems()).singleElement().asString()
        .contains("news.txt:1", "unknown setting 'depht'", "did you mean 'depth'?");
  }

  @Test
  void aMissingSeedsPathIsABadConfigurationAndRecordsNoRun() {
    Path db = dir.resolve("archive.db");
    CliRun r = run("crawl", "--db", db.toString(), "--set", "seeds=" + dir.resolve("missing"), "--set",
        "fetch.allow.private=true");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("seeds", dir.resolve("missing").toString(), "does not exist", "--seeds PATH");
    assertThat(db).doesNotExist();
  }
}

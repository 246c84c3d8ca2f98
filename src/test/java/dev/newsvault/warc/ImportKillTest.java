package dev.newsvault.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;

/** kill -9 in the middle of an import, then a re-run: nothing imported twice, nothing lost. */
class ImportKillTest {

  static final int PAGES = 1000;

  @TempDir Path dir;

  @Test
  void aKilledImportResumesWithoutImportingAnyRecordTwice() throws Exception {
    Path warc = dir.resolve("big.warc.gz");
    try (TestWarcs w = TestWarcs.create(warc, true, MessageVersion.WARC_1_1)) {
      for (int i = 0; i < PAGES; i++) {
        String host = "site" + (i % 40) + ".example";
        w.html("https://" + host + "/a/" + i, Instant.parse("2024-05-01T00:00:00Z").plusSeconds(i),
            NewsHtml.article(host, "Item " + i, NewsHtml.story(i, 60)));
      }
    }
    Path db = dir.resolve("killed.db");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.newsvault.cli.Main", "import", "--db", db.toString(),
        warc.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile())
        .start();
    try {
      // wait until the first batch is committed, then kill without warning
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (p.isAlive() && committed(db) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
    }
    long before = committed(db);
    assertThat(before).as(Files.readString(dir.resolve("first.log"))).isBetween(1L, PAGES - 1L);
    assertThat(Db.count(db, "SELECT count(*) FROM import_file WHERE completed_at IS NOT NULL")).isZero();

    Cli resumed = Cli.run("import", "--db", db.toString(), warc.toString());

    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains(String.format("%,d skipped, duplicate", before));
    assertThat(Db.count(db, "SELECT count(*) FROM fetch")).isEqualTo(PAGES);
    assertThat(Db.count(db, "SELECT count(*) FROM warc_origin")).isEqualTo(PAGES);
    Path clean = dir.resolve("clean.db");
    assertThat(Cli.run("import", "--db", clean.toString(), warc.toString()).code()).isZero();
    assertThat(Db.versions(db)).isEqualTo(Db.versions(clean));
  }

  /** Captures committed so far by the other process (0 while its archive does not exist yet). */
  private static long committed(Path db) {
    if (!Files.exists(db)) {
      return 0;
    }
    try {
      return Db.count(db, "SELECT count(*) FROM warc_origin");
    } catch (java.sql.SQLException e) {
      return 0; // not created or not migrated yet
    }
  }
}

package dev.newsvault.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the crawl refuses, and says clearly: seeds none of whose hosts can be reached, an archive path in a
 * folder that does not exist, and (for every reading command) an archive written by a newer newsvault.
 */
class CrawlRefusalsTest {

  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(String... args) throws Exception {
    Files.writeString(dir.resolve("none.properties"), "");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", dir.resolve("none.properties").toString(), "--set", "politeness.delay.ms=0",
        "--set", "work.dir=" + dir.resolve("work"), "--set", "fetch.allow.private=true",
        "--set", "connect.timeout.ms=5000"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** A port on 127.0.0.1 that nothing listens on (bound, then released): connections are refused. */
  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private Path seedsForUnreachableHosts() throws Exception {
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(seeds.resolve("news.txt"), "http://127.0.0.1:" + closedPort() + "/\n"
        + "http://127.0.0.1:" + closedPort() + "/world\n" + "http://localhost:" + closedPort() + "/\n");
    return seeds;
  }

  @Test
  void aCrawlWhoseSeedHostsAllFailCountsThemAsFailuresSaysWhatToDoAndExitsOne() throws Exception {
    Path seeds = seedsForUnreachableHosts();
    Path db = dir.resolve("a.db");

    Result r = run("crawl", "--db", db.toString(), "--set", "seeds=" + seeds);

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("tried 3, archived 0, skipped 0, failed 3")
        .contains("all 3 seed URLs failed: could not connect (offline?)").contains("check the network");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT COUNT(*) FROM fetch WHERE failure_kind='unreachable'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
  }

  @Test
  void aScheduledRoundWhoseSeedHostsAllFailIsRecordedAsFailed() throws Exception {
    Path seeds = seedsForUnreachableHosts();
    Path db = dir.resolve("a.db");

    Result r = run("schedule", "--once", "--db", db.toString(), "--set", "seeds=" + seeds,
        "--set", "schedule.revisit.enabled=false");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("news: failed:").contains("could not connect (offline?)");
    Result status = run("status", "--db", db.toString(), "--set", "seeds=" + seeds);
    assertThat(status.out()).containsPattern("news\\s.*failed");
  }

  @Test
  void aDatabaseInAFolderThatDoesNotExistIsRefusedAndNothingIsCreated() throws Exception {
    Path missing = dir.resolve("no/such/dir");
    Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(dir.resolve("seeds/news.txt"), "http://127.0.0.1:" + closedPort() + "/\n");

    Result r = run("crawl", "--db", missing.resolve("x.db").toString(), "--set", "seeds=" + dir.resolve("seeds"));

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("does not exist", missing.toString(), "mkdir -p");
    assertThat(dir.resolve("no")).doesNotExist();
  }

  @Test
  void everyReadingCommandRefusesAnArchiveOfANewerSchemaWithAClearMessage() throws Exception {
    Path db = dir.resolve("newer.db");
    try (Archive a = Archive.open(db)) {
      a.startRun("crawl", "made by this test");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("PRAGMA user_version = 9999");
    }
    Files.createDirectories(dir.resolve("seeds"));
    String url = "https://example.org/a";
    List<String[]> readers = List.of(new String[] {"stats"}, new String[] {"status"}, new String[] {"show", url},
        new String[] {"history", url}, new String[] {"diff", url});
    for (String[] cmd : readers) {
      List<String> args = new ArrayList<>(List.of(cmd));
      args.addAll(List.of("--db", db.toString(), "--set", "seeds=" + dir.resolve("seeds")));
      Result r = run(args.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", cmd) + ": " + r.out() + r.err()).isEqualTo(4);
      assertThat(r.err()).as(cmd[0]).contains("schema version 9999", "newer than this newsvault knows");
    }
    Result crawl = run("crawl", "--db", db.toString(), "--set", "seeds=" + dir.resolve("seeds"));
    assertThat(crawl.code()).isEqualTo(4);
    assertThat(crawl.err()).contains("schema version 9999");
  }
}

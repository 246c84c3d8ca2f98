package dev.newsvault.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second newsvault process (a real JVM running the CLI) against an archive this process holds. */
class SecondProcessTest {

  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result newsvault(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.newsvault.cli.Main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("second process finished").isTrue();
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void aSecondWriterProcessIsRefusedWithExitThreeAndReadersStillWork() throws Exception {
    Path db = dir.resolve("held.db");
    try (Archive held = Archive.open(db)) {
      held.startRun("crawl", "held by this test");
      held.flush();

      Result writer = newsvault("check", "--all", "--db", db.toString());
      assertThat(writer.code()).as(writer.err()).isEqualTo(3);
      assertThat(writer.err()).contains("in use by another newsvault process", db.getFileName().toString());

      Result reader = newsvault("stats", "--db", db.toString());
      assertThat(reader.code()).as(reader.err()).isZero();
      assertThat(reader.out()).contains("held.db");
    }
    Result after = newsvault("check", "--all", "--db", db.toString());
    assertThat(after.code()).as(after.err()).isZero();
  }
}

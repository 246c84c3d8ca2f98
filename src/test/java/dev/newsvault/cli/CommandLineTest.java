package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyCommandAnswersHelpWithItsUsageAndExitsZero() {
    for (String command : new String[] {"crawl", "stats", "show", "extract", "check", "history", "diff", "export",
        "schedule", "status", "demo"}) {
      Run r = run(command, "--help");
      assertThat(r.code()).as(command + ": " + r.err()).isZero();
      assertThat(r.out()).as(command).contains("Usage: newsvault " + command);
    }
  }

  @Test
  void aMisspeltExtractionKeyFailsEveryCommandNamingTheKeyAndTheAcceptedOnes() {
    Run r = run("stats", "--db", dir.resolve("none.db").toString(), "--set", "extract.includ=article");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("extract.includ", "extract.include.<host>");
  }

  @Test
  void aBadDiscoveryLimitFailsBeforeAnythingIsFetched() {
    Run r = run("crawl", "--db", dir.resolve("a.db").toString(), "--set", "discovery.seed.max.urls=lots");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("discovery.seed.max.urls", "lots");
  }
}

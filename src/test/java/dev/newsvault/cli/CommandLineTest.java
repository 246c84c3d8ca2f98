package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
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

  /** A run builds only the command it names; that command answers as it does beside all the others. */
  @Test
  void aRunBuildsOnlyTheCommandItNamesAndThatCommandAnswersTheSame() {
    Set<String> all = Main.commandLine().getSubcommands().keySet();
    assertThat(all).hasSizeGreaterThan(10).contains("help", "crawl", "import", "export");
    assertThat(Main.commandLine(new String[] {"crawl", "--help"}).getSubcommands().keySet()).containsExactly("crawl");
    for (String[] argv : new String[][] {{}, {"help", "crawl"}, {"--version"}, {"crawll"}}) {
      assertThat(Main.commandLine(argv).getSubcommands().keySet()).as(String.join(" ", argv)).isEqualTo(all);
    }
    for (String command : all) {
      if (!command.equals("help")) {
        assertThat(run(command, "--help").out()).as(command).isEqualTo(run("help", command).out())
            .contains("Usage: newsvault " + command);
      }
    }
    Run misspelt = run("crawll");
    assertThat(misspelt.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(misspelt.err()).contains("unknown command 'crawll'", "newsvault crawl");
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

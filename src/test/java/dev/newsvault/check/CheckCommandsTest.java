package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.Archive;
import dev.newsvault.cli.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** newsvault check, history and diff, run in-process as a user runs them. */
class CheckCommandsTest {

  @TempDir Path dir;
  CheckSite site;
  String out;
  String err;

  @BeforeEach
  void setUp() throws Exception {
    site = new CheckSite(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    site.close();
  }

  private void archive(String... paths) throws Exception {
    try (Archive archive = Archive.open(site.db)) {
      for (String p : paths) {
        site.archive(archive, p);
      }
    }
  }

  private int run(String... args) {
    CheckSite.CliRun r = site.cli(args);
    out = r.out();
    err = r.err();
    return r.code();
  }

  @Test
  void bodyEditIsReportedAsChangedWithTheRightDiff() throws Exception {
    site.serve("/news/library-cuts", NewsPage.original().html());
    archive("/news/library-cuts");
    String url = site.url("/news/library-cuts");
    site.serve("/news/library-cuts", NewsPage.withChurnedFurniture()
        .set("PARA3", NewsPage.PARA3.replace("1.2 million pounds", "1.4 million pounds")).html());

    assertThat(run("check", url)).isEqualTo(ExitCodes.CHANGED);
    assertThat(out).containsPattern("changed\\s+v1->v2\\s+\\+1/-1\\s+" + url.replace(".", "\\."));
    assertThat(out).contains("checked 1: 0 unchanged, 1 changed, 0 gone, 0 moved, 0 error");

    assertThat(run("diff", url, "--color", "never")).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("--- v1").contains("+++ v2").contains("text: 1 word added, 1 removed")
        .contains("[... 2 unchanged paragraphs ...]\n\n"
            + "The libraries' budget falls by 1.[-2-]{+4+} million pounds next year. The council's finance chief")
        .contains("[... 3 unchanged paragraphs ...]")
        .doesNotContain("Councillors voted");
  }

  @Test
  void nothingChangedExitsZero() throws Exception {
    site.serve("/news/a", NewsPage.original().html());
    archive("/news/a");
    site.serve("/news/a", NewsPage.withChurnedFurniture().html());

    assertThat(run("check", "--all")).isEqualTo(ExitCodes.OK);
    assertThat(out).containsPattern("unchanged\\s+v1\\s+" + site.url("/news/a").replace(".", "\\."));
  }

  @Test
  void jsonlOutputParsesAndCarriesEveryOutcome() throws Exception {
    site.serve("/news/a", NewsPage.original().html());
    site.serve("/news/b", NewsPage.original().html());
    site.serve("/news/c", NewsPage.original().html());
    archive("/news/a", "/news/b", "/news/c");
    site.serve("/news/b", NewsPage.original().set("TITLE", "Libraries to close on Mondays").html());
    site.serve("/news/c", new MockResponse().setResponseCode(410));

    int code = run("check", "--all", "--format", "jsonl", "--concurrency", "2");

    assertThat(code).isEqualTo(ExitCodes.CHANGED);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      rows.add(json.readTree(line));
    }
    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(r -> r.get("url").asText().replaceAll(".*/news/", "") + "=" + r.get("outcome").asText())
        .containsExactlyInAnyOrder("a=unchanged", "b=changed", "c=gone");
    assertThat(rows).filteredOn(r -> r.get("outcome").asText().equals("changed")).singleElement()
        .satisfies(r -> assertThat(r.get("version").asInt()).isEqualTo(2));
    assertThat(err).contains("checked 3: 1 unchanged, 1 changed, 1 gone, 0 moved, 0 error");
  }

  @Test
  void neverArchivedUrlGetsAClearMessageAndExitCodeOne() throws Exception {
    site.serve("/news/a", NewsPage.original().html());
    archive("/news/a");

    assertThat(run("check", site.url("/news/unknown"))).isEqualTo(ExitCodes.PARTIAL);
    assertThat(out).contains("error").contains("not in the archive; ./newsvault stats lists sites");

    assertThat(run("history", site.url("/news/unknown"))).isEqualTo(ExitCodes.PARTIAL);
    assertThat(err).contains("is not in the archive").contains("./newsvault stats lists sites");
  }

  @Test
  void onlyErrorsExitWithOne() throws Exception {
    site.serve("/news/a", NewsPage.original().html());
    archive("/news/a");
    site.serve("/news/a", new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertThat(run("check", site.url("/news/a"))).isEqualTo(ExitCodes.PARTIAL);
    assertThat(out).contains("timeout: no complete answer from");
  }

  @Test
  void checkWithoutSelectionIsAUsageError() throws Exception {
    site.serve("/news/a", NewsPage.original().html());
    archive("/news/a");

    assertThat(run("check")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("name the articles to check: URLs, or --all, --site HOST or --since DATE");
  }

  @Test
  void historyListsVersionsAndDiffComparesExplicitVersions() throws Exception {
    String url = site.url("/news/a");
    site.serve("/news/a", NewsPage.original().html());
    archive("/news/a");
    String edited = NewsPage.PARA3 + " A spokesman for the mayor declined to comment.";
    site.serve("/news/a", NewsPage.original().set("PARA3", edited).html());
    assertThat(run("check", url)).isEqualTo(ExitCodes.CHANGED);
    site.serve("/news/a", NewsPage.original().set("PARA3", edited)
        .set("TITLE", "Libraries to close on Mondays").html());
    assertThat(run("check", url)).isEqualTo(ExitCodes.CHANGED);

    assertThat(run("history", url)).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("3 versions").contains("checked 2 times");
    String[] lines = out.strip().split("\n");
    assertThat(lines[lines.length - 3]).startsWith("v1").contains("Council cuts library hours across the city");
    assertThat(lines[lines.length - 2]).startsWith("v2").contains("+8").contains("-0");
    assertThat(lines[lines.length - 1]).startsWith("v3").contains("+0").contains("-0")
        .contains("(new) Libraries to close on Mondays");

    assertThat(run("diff", url, "1", "3", "--color", "never")).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("--- v1").contains("+++ v3")
        .contains("title: [-Council cuts library hours across the city-]{+Libraries to close on Mondays+}")
        .contains("running.{+ A spokesman for the mayor declined to comment.+}");

    assertThat(run("diff", url, "1", "9")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("has versions 1 to 3, not 9");
  }

  @Test
  void siteAndSinceSelectOnlyMatchingLiveArticles() throws Exception {
    site.serve("/news/a", NewsPage.original().html());
    site.serve("/news/b", NewsPage.original().html());
    archive("/news/a", "/news/b");
    site.serve("/news/b", new MockResponse().setResponseCode(410));
    assertThat(run("check", site.url("/news/b"))).isEqualTo(ExitCodes.CHANGED);

    assertThat(run("check", "--site", site.server.getHostName(), "--format", "jsonl")).isEqualTo(ExitCodes.OK);
    assertThat(out.strip().split("\n")).singleElement().asString().contains("/news/a\"");

    assertThat(run("check", "--since", "2999-01-01")).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("checked 0:");

    assertThat(run("check", "--site", "elsewhere.example")).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("checked 0:");

    assertThat(run("check", "--since", "last tuesday")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--since takes a date such as 2026-01-31");
  }

  @Test
  void diffFullShowsTheWholeTextAndColourAlwaysUsesAnsi() throws Exception {
    String url = site.url("/news/a");
    site.serve("/news/a", NewsPage.original().html());
    archive("/news/a");
    site.serve("/news/a", NewsPage.original().set("PARA3", NewsPage.PARA3.replace("painful", "regrettable")).html());
    assertThat(run("check", url)).isEqualTo(ExitCodes.CHANGED);

    assertThat(run("diff", url, "--full", "--color", "always")).isEqualTo(ExitCodes.OK);

    assertThat(out).contains("Councillors voted twenty-three to nineteen")
        .contains("\u001b[31mpainful\u001b[0m \u001b[32mregrettable\u001b[0m")
        .doesNotContain("unchanged paragraph");
  }

  @Test
  void diffOfASingleVersionSaysThereIsNothingToCompare() throws Exception {
    site.serve("/news/a", NewsPage.original().html());
    archive("/news/a");

    assertThat(run("diff", site.url("/news/a"))).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("has only 1 version; nothing to compare");
  }
}

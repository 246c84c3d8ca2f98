package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.CheckQueries;
import dev.newsvault.archive.VersionChange;
import dev.newsvault.cli.ExitCodes;
import dev.newsvault.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of change, made to a real page over HTTP, checked with the CLI and labelled in the archive. */
class ChangeKindCheckTest {

  static final String UNION = "<p>Officials of the dock workers' union called for an independent inquiry into how the"
      + " cranes had been\nmaintained since the terminal was privatised six years ago.</p>";

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

  static Stream<Arguments> edits() {
    return Stream.<Arguments>of(
        Arguments.of(ChangeKind.TYPO, edit(h -> h.replace("privatised", "privatized"))),
        Arguments.of(ChangeKind.BYLINE, page(p -> p.set("BYLINE", "Maria Okafor and Tom Reyes"))),
        Arguments.of(ChangeKind.NUMBER, page(p -> p.set("HURT", "15"))),
        Arguments.of(ChangeKind.WORDING, edit(h -> h.replace("three of them seriously",
            "three of them critically, one of whom later died"))),
        Arguments.of(ChangeKind.PARAGRAPH_ADDED, edit(h -> h.replace("</article>",
            "<p>The terminal reopened on Friday after inspectors cleared the remaining cranes.</p></article>"))),
        Arguments.of(ChangeKind.PARAGRAPH_REMOVED, edit(h -> h.replace(UNION, ""))),
        Arguments.of(ChangeKind.HEADLINE, page(p -> p.set("TITLE", "Twelve hurt as crane falls at terminal"))),
        Arguments.of(ChangeKind.CORRECTION, edit(h -> h.replace("</article>", "<p><em>Correction: an earlier version"
            + " of this article said the crane fell on Monday.</em></p></article>"))),
        Arguments.of(ChangeKind.REWRITE, edit(h -> h.replaceAll("(?s)<p>A crane collapsed.*</article>",
            "<p>The container terminal at Port Ellery will stay shut for a week while engineers examine every crane"
                + " on the quay, the harbour authority announced on Wednesday evening.</p><p>Shipping lines have"
                + " been told to divert their vessels to Marlow Bay, where the smaller terminal has agreed to take"
                + " extra ferries and feeder ships until the inspection is complete.</p></article>"))));
  }

  static String page(UnaryOperator<CounterPage> f) {
    return f.apply(CounterPage.article("en")).html();
  }

  static String edit(UnaryOperator<String> f) {
    String html = CounterPage.article("en").html();
    String edited = f.apply(html);
    assertThat(edited).as("the fixture edit applies").isNotEqualTo(html);
    return edited;
  }

  private int run(String... args) {
    CheckSite.CliRun r = site.cli(args);
    out = r.out();
    err = r.err();
    return r.code();
  }

  private String archived(String path) throws Exception {
    site.serve(path, CounterPage.article("en").html());
    try (Archive archive = Archive.open(site.db)) {
      site.archive(archive, path);
    }
    return site.url(path);
  }

  private List<VersionChange> labels(String url) throws Exception {
    try (Archive archive = Archive.openReadOnly(site.db)) {
      return new CheckQueries(archive).changes(archive.reader().article(url).orElseThrow().id());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void eachEditIsLabelledInTheOutputTheJsonAndTheArchive(ChangeKind kind, String edited) throws Exception {
    String url = archived("/news/crane");
    site.serve("/news/crane", edited);

    assertThat(run("check", "--format", "jsonl", url)).isEqualTo(ExitCodes.CHANGED);
    JsonNode row = new ObjectMapper().readTree(out.strip());
    assertThat(row.get("outcome").asText()).isEqualTo("changed");
    assertThat(row.get("change_kind").asText()).isEqualTo(kind.code());
    assertThat(labels(url)).singleElement().satisfies(l -> {
      assertThat(l.version()).isEqualTo(2);
      assertThat(l.kind()).isEqualTo(kind.code());
      assertThat(l.wordsAdded()).isEqualTo(row.get("words_added").asInt());
      assertThat(l.wordsRemoved()).isEqualTo(row.get("words_removed").asInt());
    });
  }

  @Test
  void tableAndHistoryNameTheKindAndMinChangeHidesSmallerEdits() throws Exception {
    String url = archived("/news/crane");
    site.serve("/news/crane", edit(h -> h.replace("privatised", "privatized")));

    assertThat(run("check", "--min-change", "number", url)).isEqualTo(ExitCodes.OK);
    assertThat(out).doesNotContain("changed  ")
        .contains("checked 1: 0 unchanged, 1 changed, 0 gone, 0 moved, 0 error")
        .contains("1 change below --min-change number not shown (stored as versions)");

    site.serve("/news/crane", edit(h -> h.replace("privatised", "privatized"))
        .replace("12 people", "15 people"));
    assertThat(run("check", "--min-change", "number", url)).isEqualTo(ExitCodes.CHANGED);
    assertThat(out).containsPattern("changed\\s+v2->v3\\s+\\+1/-1\\s+" + url.replace(".", "\\."))
        .containsPattern("\\n\\s+number\\n");

    assertThat(run("history", url)).isEqualTo(ExitCodes.OK);
    String[] lines = out.strip().split("\n");
    assertThat(lines[lines.length - 2]).startsWith("v2").contains("typo");
    assertThat(lines[lines.length - 1]).startsWith("v3").contains("number");
  }

  @Test
  void exportsCarryTheKindOfEachVersion() throws Exception {
    String url = archived("/news/crane");
    site.serve("/news/crane", page(p -> p.set("HURT", "15")));
    assertThat(run("check", url)).isEqualTo(ExitCodes.CHANGED);
    Path file = dir.resolve("corpus.jsonl");

    assertThat(run("export", "--format", "jsonl", "--all-versions", "--near-dups", "keep", "--out", file.toString())).isEqualTo(ExitCodes.OK);
    List<String> lines = java.nio.file.Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(lines.get(0)).get("change_kind").isNull()).isTrue();
    assertThat(json.readTree(lines.get(1)).get("change_kind").asText()).isEqualTo("number");
  }

  @Test
  void checkAllSaysUpFrontHowLongPolitenessMakesIt() throws Exception {
    site.serve("/news/other", CounterPage.article("de").html());
    archived("/news/crane");
    try (Archive archive = Archive.open(site.db)) {
      site.archive(archive, "/news/other");
    }
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new String[] {"check", "--all", "--db", site.db.toString(), "--set",
        "politeness.delay.ms=1000", "--set", "fetch.allow.private=true"}, new PrintWriter(o), new PrintWriter(e));

    assertThat(code).as(e.toString()).isEqualTo(ExitCodes.OK);
    assertThat(e.toString()).contains("checking 2 articles on 1 site: requests to one site are 1s apart"
        + " (politeness.delay.ms, or a larger robots.txt Crawl-delay), so with 2 articles on the largest site this"
        + " takes at least 1s");
    assertThat(o.toString()).contains("checked 2: 2 unchanged");
  }

  @Test
  void aMistypedKindIsAUsageError() throws Exception {
    String url = archived("/news/crane");
    assertThat(run("check", "--min-change", "tpyo", url)).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("'tpyo' is not a kind of change; use one of typo, byline, number");
  }
}

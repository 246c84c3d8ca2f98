package dev.newsvault.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What newsvault writes from archived web content is safe where it lands: no control sequence from a page
 * reaches a terminal (show, history, diff with and without colour, stats, status), no cell of a CSV export
 * runs as a spreadsheet formula, exported files are not writable by others, and text-export file names never
 * leave their folder.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileOutputTest {

  /** A title that sets the window title, clears the screen and turns text invisible. */
  private static final String EVIL_TITLE = "Budget \u001b]0;pwned\u0007vote \u001b[2J\u001b[Hpasses \u009b8m";

  @TempDir Path dir;
  private RawSite site;
  private Vault vault;

  @BeforeEach
  void start() {
    vault = new Vault(dir);
  }

  @AfterEach
  void stop() {
    if (site != null) {
      site.close();
    }
  }

  private static String evilPage(String title, String paragraph) {
    return Vault.article(title, "<p>" + paragraph + "</p>")
        .replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta name=\"author\" content=\"Jane"
            + " \u001b[8mHidden\u001b[0m Doe\"><meta name=\"description\" content=\"Read \u001b]8;;http://evil/"
            + "\u001b\\this\u001b]8;;\u001b\\ now\">");
  }

  private static void assertClean(String what, String output, String... shown) {
    assertThat(output).as(what).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "\r").contains(shown);
  }

  @Test
  void noControlSequenceFromAPageReachesTheTerminal() throws Exception {
    site = new RawSite();
    String url = site.url("/budget");
    site.route("/budget", RawSite.answer(200, Map.of("Content-Type", "text/html; charset=utf-8",
        "ETag", "\"v1\u001b]0;etag\u0007\""), evilPage(EVIL_TITLE, "First \u001b[31mred\u001b[0m version of the story.")
        .getBytes(StandardCharsets.UTF_8)));
    // XML allows no C0 controls, so a feed title can only carry C1 controls and bidi overrides.
    site.route("/feed.xml", RawSite.ok("application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\">"
        + "<channel><title>Gazette \u009b2J\u202eNews</title><link>" + site.url("/") + "</link><description>d"
        + "</description><item><title>Budget</title><link>" + url + "</link></item></channel></rss>")
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(vault.crawl(List.of(site.url("/feed.xml") + "\ttype=feed")).code()).isZero();
    assertThat(vault.title(url)).contains("\u001b"); // archived as found: the archive keeps evidence
    site.route("/budget", RawSite.ok("text/html; charset=utf-8", evilPage(EVIL_TITLE.replace("passes", "\u001b]0;again\u0007fails"), "Second \u001b[5mblinking\u001b[0m"
        + " version, with new words the council added.").getBytes(StandardCharsets.UTF_8)));
    Vault.Run check = vault.run("check", url);
    assertThat(check.code()).as(check.all()).isEqualTo(10);

    Vault.Run show = vault.run("show", url);
    assertThat(show.code()).isZero();
    assertClean("show", show.out(), "Budget", "vote");
    assertThat(show.out()).contains("Budget ", "vote", "fails", "Jane Hidden Doe", "Read this now", "blinking");
    assertClean("history", vault.run("history", url).out(), "Budget", "vote");
    Vault.Run plain = vault.run("diff", url, "--color", "never");
    assertClean("diff", plain.out(), "Budget", "vote");
    // The title line's markup may lose a bracket to an escape sequence that ran into it, never more.
    assertThat(plain.out()).contains("{+Second blinking+}", "passes-]{+", "fails+}");
    Vault.Run colour = vault.run("diff", url, "--color", "always");
    assertThat(colour.out()).doesNotContain("\u0007", "]0;", "[2J", "[8m", "[5m", "\u009b")
        .contains("\u001b[32m"); // the diff's own colour
    Vault.Run stats = vault.run("stats");
    assertThat(stats.out()).doesNotContain("\u001b", "\u0007");
    Vault.Run status = vault.run("status");
    assertClean("status", status.out(), "Gazette News");
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAreNeutralised() throws Exception {
    site = new RawSite();
    Map<String, String> titles = Map.of("/eq", "=HYPERLINK(\"http://evil/\",\"click\")", "/plus", "+1+2",
        "/minus", "-2+3 rates", "/at", "@SUM(A1:A9)", "/safe", "Harbour reopens after storm");
    titles.forEach((path, title) -> site.html(path, Vault.article(title, "<p>Only this story: " + title + "</p>")));
    assertThat(vault.crawl(titles.keySet().stream().map(site::url).toList()).code()).isZero();
    Path csv = dir.resolve("out.csv");
    Vault.Run r = vault.run("export", "--format", "csv", "--near-dups", "keep", "--out", csv.toString());
    assertThat(r.code()).as(r.all()).isZero();

    try (Reader in = Files.newBufferedReader(csv);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      List<CSVRecord> rows = p.getRecords();
      assertThat(rows).hasSize(titles.size());
      for (CSVRecord row : rows) {
        String path = row.get("url").substring(row.get("url").lastIndexOf('/'));
        String title = titles.get(path);
        assertThat(row.get("title")).isEqualTo(path.equals("/safe") ? title : "'" + title);
        for (String cell : row.values()) {
          assertThat(cell).as(row.get("url")).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        }
      }
    }
  }

  @Test
  void exportedFilesAreNotWritableByOthersAndTextFileNamesStayInTheirFolder() throws Exception {
    site = new RawSite();
    List<String> paths = List.of("/..%2F..%2Fescape", "/a/../../b", "/%2e%2e/%2e%2e/etc/passwd", "/normal");
    for (String p : paths) {
      site.html(p, Vault.article("Story at " + p.replaceAll("[^a-z]", ""), "<p>Only at " + p + "</p>"));
    }
    Vault.Run crawl = vault.crawl(paths.stream().map(site::url).toList());
    assertThat(crawl.code()).as(crawl.all()).isZero();
    Path texts = Files.createDirectories(dir.resolve("export")).resolve("texts");
    Vault.Run r = vault.run("export", "--format", "text", "--near-dups", "keep", "--out", texts.toString());
    assertThat(r.code()).as(r.all()).isZero();
    try (Stream<Path> all = Files.walk(dir.resolve("export"))) {
      List<Path> files = all.filter(Files::isRegularFile).toList();
      assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.getParent()).isEqualTo(texts));
    }
    assertThat(Files.exists(dir.resolve("escape"))).isFalse();
    Path jsonl = dir.resolve("out.jsonl");
    assertThat(vault.run("export", "--format", "jsonl", "--out", jsonl.toString()).code()).isZero();
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(jsonl);
    assertThat(perms).doesNotContain(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_WRITE);
  }
}

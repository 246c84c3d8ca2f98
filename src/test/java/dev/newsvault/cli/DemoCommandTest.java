package dev.newsvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArticleRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run demo() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"demo", "--dir", dir.resolve("demo").toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void demoCrawlsTheSampleSiteFindsTheOneCorrectedArticleAndExportsTheCorpus() throws Exception {
    Run r = demo();

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Crawl run #1 partial", "failed 1",
        "harbour-strike-live-updates.html", "HTTP 404",
        "1 changed", "0 gone", "0 error",
        "Correction:", "v1->v2", "Done.");
    // robots.txt at work: the refused link is in stats, as a skip with its reason, and was never fetched
    assertThat(r.out()).contains("robots").contains("does not allow").containsPattern("/admin/");
    assertThat(r.out()).doesNotContain("finished with problems");
    // Exactly one article changed: the one the demo corrected; furniture churn everywhere else is no change.
    assertThat(r.out().lines().filter(l -> l.startsWith("changed "))).singleElement().asString()
        .contains(DemoCommand.STORY);
    // The change is labelled; the article whose live counters moved kept its one version.
    assertThat(r.out()).containsPattern("\\n\\s+correction\\n")
        .contains("Updated 5 minutes ago · 38 comments").contains("Updated 12 minutes ago · 45 comments");

    Path db = dir.resolve("demo/archive.db");
    try (Archive a = Archive.openReadOnly(db)) {
      ArticleRecord story = a.reader().article(storyUrl(r.out())).orElseThrow();
      assertThat(a.reader().versions(story.id())).hasSize(2);
      ArticleRecord counters = a.reader().article(storyUrl(r.out()).replace(DemoCommand.STORY, DemoCommand.COUNTERS))
          .orElseThrow();
      assertThat(a.reader().versions(counters.id())).singleElement()
          .satisfies(v -> assertThat(v.text()).contains("Updated 5 minutes ago · 38 comments"));
    }
    List<JsonNode> exported = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("demo/articles.jsonl"))) {
      exported.add(json.readTree(line));
    }
    // Every story of the site (24 articles); no section front, no about or contact page.
    assertThat(exported).hasSize(24);
    assertThat(exported).extracting(n -> n.path("url").asText())
        .noneMatch(u -> u.endsWith("/") || u.endsWith("/index.html"));
    assertThat(exported).extracting(n -> n.path("title").asText()).doesNotContain("The Harbour Gazette");
    assertThat(exported).allSatisfy(n -> assertThat(n.path("markdown").asText()).isNotBlank());

    // The same corpus as Markdown: one file per article, with its front matter, in the site's folder.
    Path md = dir.resolve("markdown");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"export", "--format", "markdown", "--out", md.toString(), "--db",
        db.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    List<Path> files;
    try (var walk = Files.walk(md)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    // every story, and the script-built one when step 8 could render it
    assertThat(files).hasSize((int) ArchiveViewsTest.ARTICLES).allSatisfy(f -> {
      assertThat(f.getParent().getFileName().toString()).isEqualTo("127.0.0.1");
      assertThat(f.getFileName().toString()).endsWith(".md");
      String doc = Files.readString(f);
      assertThat(doc).startsWith("---\nurl: \"http://127.0.0.1:").contains("\ntitle: \"", "\n---\n\n");
    });
  }

  @Test
  void aSecondDemoStartsFromAFreshArchive() throws Exception {
    Files.createDirectories(dir.resolve("demo"));
    Path mine = Files.writeString(dir.resolve("demo/notes.txt"), "not the demo's");
    assertThat(demo().code()).isZero();

    Run again = demo();

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("Crawl run #1 partial", "articles 24 new");
    assertThat(Files.readString(mine)).isEqualTo("not the demo's");
  }

  @Test
  void demoRefusesToWipeAnArchiveAnotherProcessHasOpen() throws Exception {
    Path db = Files.createDirectories(dir.resolve("demo")).resolve("archive.db");
    try (Archive held = Archive.open(db)) {
      Run r = demo();
      assertThat(r.code()).isEqualTo(ExitCodes.LOCKED);
      assertThat(r.err()).contains("in use by another newsvault process");
      assertThat(r.out()).doesNotContain("Crawl run");
    }
  }

  @Test
  void everyCommandTheDemoPrintsRunsAsPrintedWhileItsSiteIsUp() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // a folder name with a space: the printed commands must quote it
    Path demoDir = dir.resolve("my demo");
    int code = Main.run(new String[] {"demo", "--dir", demoDir.toString(), "--port", String.valueOf(port)},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    List<String> printed = out.toString().lines().filter(l -> l.startsWith("$ ./newsvault "))
        .map(l -> l.substring("$ ./newsvault ".length())).toList();
    assertThat(printed).extracting(l -> l.split(" ")[0])
        .contains("crawl", "stats", "show", "check", "diff", "history", "export", "schedule", "status");

    // What 'demo --serve' leaves running: the sample site on the same port. Each printed line, copied.
    try (dev.newsvault.demo.DemoSite site = dev.newsvault.demo.DemoSite.start(port)) {
      for (String line : printed) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int c = Main.run(DocsCommandsTest.words(line).toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true));
        assertThat(c).as(line + "\n" + o + e).isIn(ExitCodes.OK, ExitCodes.CHANGED);
        assertThat(o.toString() + e).as(line).doesNotContain("blocked_address", "does not exist");
        if (line.startsWith("crawl")) {
          assertThat(o.toString()).as(line).contains("archived").doesNotContain("Nothing archived");
        }
      }
    }
  }

  private static String storyUrl(String out) {
    return out.lines().filter(l -> l.startsWith("$ ./newsvault show ")).findFirst().orElseThrow()
        .split(" ")[3];
  }
}

package dev.newsvault.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.Words;
import dev.newsvault.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script-built article crawled with {@code render=browser} in the real headless Chromium, its stored text then
 * rewritten as an older extractor would have stored it. The check renders the page again; what the archived
 * version was extracted from is the DOM the browser built (the raw response is an empty shell), so that DOM,
 * extracted again, is what tells the extractor upgrade from an edit.
 */
class ExtractorUpgradeRenderedTest {

  @TempDir Path dir;
  private CheckSite site;
  private String url;
  private Path db;

  @BeforeEach
  void start() throws Exception {
    site = new CheckSite(dir);
    url = site.url("/story");
    db = site.db;
  }

  @AfterEach
  void stop() throws Exception {
    site.close();
  }

  /** An article page whose paragraphs only a script writes, the first of them {@code lead}. */
  static String scriptBuilt(String lead, String day) {
    String js = "var h = '<article><h1>Harbour reopens</h1><p>" + lead + "</p>';"
        + " for (var i = 1; i <= 8; i++) { h += '<p>The harbour reopened on " + day + " after repairs. This is"
        + " paragraph ' + i + ' of the story, written by the page script after the page loaded.</p>'; }"
        + " document.getElementById('app').innerHTML = h + '</article>';";
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Harbour reopens</title></head>"
        + "<body><div id=\"app\"></div><script>" + js + "</script></body></html>";
  }

  /** One in-process run of the CLI on the site's archive, with the browser's settings. */
  private CheckSite.CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--set", "work.dir=" + dir.resolve("work"), "--set", "render.settle.ms=500", "--set",
        "render.timeout.ms=15000"));
    return site.cli(all.toArray(String[]::new));
  }

  /** Rewrites version 1's text without its lead, as an older extractor that lost it would have stored it. */
  private void archivedByAnOlderExtractor(String lead) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      String text;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT text FROM article_version WHERE version=1")) {
        assertThat(rs.next()).isTrue();
        text = rs.getString(1);
      }
      assertThat(text).contains(lead);
      String older = text.replace(lead, "").strip();
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE article_version SET text=?, text_sha256=?, word_count=?, markdown=NULL WHERE version=1")) {
        ps.setString(1, older);
        ps.setString(2, ContentHash.ofText(older).toString());
        ps.setInt(3, Words.count(older));
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private long versions() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM article_version")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aRenderedPageArchivedByAnOlderExtractorIsUnchangedUntilItsScriptWritesAnotherStory() throws Exception {
    String lead = "Ships are back in the harbour after a winter of repairs to the old sea wall and its gates.";
    site.serve("/story", scriptBuilt(lead, "Monday"));
    Path seeds = Files.writeString(dir.resolve("seeds.txt"), url + "\trender=browser depth=0\n");
    CheckSite.CliRun crawl = cli("crawl", "--set", "seeds=" + seeds, "--set", "resumable=false");
    assertThat(crawl.code()).as(crawl.err()).isZero();
    archivedByAnOlderExtractor(lead);

    CheckSite.CliRun same = cli("check", url);

    assertThat(same.code()).as(same.out() + same.err()).isEqualTo(ExitCodes.OK);
    assertThat(same.out()).contains("unchanged", ExtractorUpgrade.DETAIL);
    assertThat(versions()).isEqualTo(1);

    site.serve("/story", scriptBuilt(lead, "Tuesday"));
    CheckSite.CliRun edited = cli("check", url);

    assertThat(edited.code()).as(edited.out() + edited.err()).isEqualTo(ExitCodes.CHANGED);
    assertThat(edited.out()).contains("changed", "v1->v2").doesNotContain(ExtractorUpgrade.DETAIL);
    assertThat(versions()).isEqualTo(2);
  }
}

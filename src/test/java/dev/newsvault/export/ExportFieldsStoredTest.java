package dev.newsvault.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.OlderSchema;
import dev.newsvault.archive.SimHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export fields derived from the raw page or the text (categories, fingerprint) are stored when a version is
 * archived and read from there by every export; an archive from before schema 140 gets them once, when it is
 * opened for writing, and exports exactly what it exported before.
 */
class ExportFieldsStoredTest {

  static final String SECTIONED = "http://news.example.com/2026/01/05/harbour";

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void archive() throws Exception {
    db = dir.resolve("news.db");
    String text = Archives.story(3, 400);
    String html = "<!doctype html><html><head><title>Harbour</title>"
        + "<meta name=\"article:section\" content=\"Economy\">"
        + "<script type=\"application/ld+json\">{\"articleSection\":\"Ports\"}</script></head><body><article>"
        + "<p>" + text.replace("\n\n", "</p><p>") + "</p></article></body></html>";
    Archives a = Archives.create(db);
    a.article(SECTIONED, "Harbour", "2026-01-05", "en", "2026-01-05T10:00:00Z", text, html);
    // a second version of it, and a lightly edited copy elsewhere: a near-duplicate of it
    a.article(SECTIONED, "Harbour", "2026-01-05", "en", "2026-01-06T10:00:00Z", text + " Updated at noon.",
        html.replace("</article>", "<p>Updated at noon.</p></article>"));
    a.article("http://other.example.org/harbour-copy", "Harbour", "2026-01-05", "en", "2026-01-05T12:00:00Z",
        "Share this story.\n\n" + text, Archives.page("Harbour", "Share this story.\n\n" + text));
    a.article("http://news.example.com/plain", "Plain", "2026-01-06", "en", "2026-01-06T11:00:00Z",
        Archives.story(4, 300));
    a.close();
  }

  @Test
  void categoriesAndFingerprintAreReadFromTheArchiveNotFromThePage() throws Exception {
    long stored;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT categories_json, simhash, text FROM article_version"
          + " ORDER BY id LIMIT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("[\"Economy\",\"Ports\"]");
        assertThat(rs.getLong(2)).isEqualTo(SimHash.of(rs.getString(3)));
      }
      // no raw page left to read the sections from, and a stored fingerprint no text would give
      st.execute("UPDATE raw_page SET body_gzip = x'00'");
      stored = 0x0123456789abcdefL;
      st.execute("UPDATE article_version SET simhash = " + stored + " WHERE id = 1");
    }

    List<JsonNode> records = export("keep");

    assertThat(records.get(0).get("url").asText()).isEqualTo(SECTIONED);
    assertThat(records.get(0).get("categories")).extracting(JsonNode::asText).containsExactly("Economy", "Ports");
    assertThat(records.get(0).get("fingerprint").asText()).isEqualTo("0123456789abcdef");
  }

  @Test
  void anArchiveFromBeforeSchema140GetsTheFieldsOnceAndExportsWhatItExportedBefore() throws Exception {
    String jsonl = Files.readString(exportFile("mark"));
    assertThat(ExportFormatsTest.jsonl(jsonl)).anySatisfy(r -> assertThat(r.get("near_dup_cluster").isNull())
        .isFalse());
    OlderSchema.rollBackTo(db, 91);
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-").err())
        .contains("older schema");

    try (Archive a = Archive.open(db)) {
      assertThat(a.file()).exists();
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(categories_json), COUNT(simhash),"
            + " SUM(categories_json = '[\"Economy\",\"Ports\"]') FROM article_version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(4);
      assertThat(rs.getInt(2)).isEqualTo(4);
      assertThat(rs.getInt(3)).isEqualTo(4);
      assertThat(rs.getInt(4)).isEqualTo(2); // both versions of the page that declares its sections
    }
    assertThat(Files.readString(exportFile("mark"))).isEqualTo(jsonl);
  }

  private Path exportFile(String nearDups) {
    Path out = dir.resolve("export-" + nearDups + "-" + System.nanoTime() + ".jsonl");
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", out.toString(), "--all-versions",
        "--near-dups", nearDups);
    assertThat(r.code()).as(r.err()).isZero();
    return out;
  }

  private List<JsonNode> export(String nearDups) throws Exception {
    return ExportFormatsTest.jsonl(Files.readString(exportFile(nearDups)));
  }
}

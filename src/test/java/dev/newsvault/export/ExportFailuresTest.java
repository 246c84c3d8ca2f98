package dev.newsvault.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.archive.ExportSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFailuresTest {

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void archive() throws IOException {
    db = dir.resolve("news.db");
    Archives a = Archives.create(db);
    for (int i = 0; i < 5; i++) {
      a.article("http://example.com/story-" + i, "Story " + i, "2026-01-0" + (i + 1), "en",
          "2026-01-0" + (i + 1) + "T00:00:00Z", Archives.story(100 + i, 300));
    }
    a.article("http://example.com/../../etc/passwd%00?x=<y>&z=..", "Odd", "2026-01-09", "en",
        "2026-01-09T00:00:00Z", Archives.story(200, 300));
    a.article("http://example.com/a b/ü/..%2F..%2Fescape", "Odder", "2026-01-09", "en", "2026-01-09T01:00:00Z",
        Archives.story(201, 300));
    a.close();
  }

  private static List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      // the archive's own -wal and -shm files come and go with its connections
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("news.db-")).sorted().toList();
    }
  }

  @Test
  void unknownFormatOrFilterValueNamesTheAcceptedValues() {
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "xml", "--out", "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown export format 'xml'").contains("jsonl, text, csv, warc");
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-", "--near-dups", "maybe")
        .err()).contains("drop, mark, keep");
    Cli date = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", "-", "--since", "yesterday");
    assertThat(date.code()).isEqualTo(2);
    assertThat(date.err()).contains("--since 'yesterday' is not a date");
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "csv", "--out", "-", "--date-field", "x").err())
        .contains("published or fetched");
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "csv", "--out", "-", "--site",
        "https://x.com/").code()).isEqualTo(2);
  }

  @Test
  void anUnwritablePathIsAClearErrorAndLeavesNothingBehind() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out",
        file.resolve("out.jsonl").toString());
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("cannot write the export").contains("choose another --out");
    assertThat(names(dir)).containsExactly("news.db", "plain-file");
  }

  @Test
  void aDamagedStoredPageFailsTheWarcExportByNameAndLeavesNoFile() throws Exception {
    String sha;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT sha256 FROM raw_page ORDER BY rowid LIMIT 1 OFFSET 3")) {
        assertThat(rs.next()).isTrue();
        sha = rs.getString(1);
      }
      // cut in half: the page is decompressed on the thread that builds the records, which must report it
      st.execute("UPDATE raw_page SET body_gzip = substr(body_gzip, 1, length(body_gzip) / 2) WHERE sha256 = '"
          + sha + "'");
    }
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "warc", "--out",
        dir.resolve("capture.warc.gz").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("raw page " + sha).contains("is damaged");
    assertThat(names(dir)).containsExactly("news.db");
  }

  @Test
  void anExportThatFailsMidwayLeavesNoFileUnderTheFinalName() throws IOException {
    Path out = dir.resolve("corpus.jsonl");
    Files.writeString(out, "the previous export\n");
    ExportOptions o = new ExportOptions(ExportFormat.JSONL, out.toString(), ExportSelection.everything(),
        NearDupMode.DROP, 7, null, "ua");
    ExportProgress failing = new ExportProgress() {
      String phase = "";

      @Override
      public void phase(String name, long total) {
        phase = name;
      }

      @Override
      public void advance(long done) throws IOException {
        if (phase.equals("exporting") && done == 3) {
          throw new IOException("disk full");
        }
      }

      @Override
      public void finish() {}
    };
    assertThatThrownBy(() -> new Exporter(db, o, null, null, failing).run()).hasMessage("disk full");
    assertThat(Files.readString(out)).isEqualTo("the previous export\n");
    assertThat(names(dir)).containsExactly("corpus.jsonl", "news.db");

    Path warc = dir.resolve("new.warc.gz");
    ExportOptions w = new ExportOptions(ExportFormat.WARC, warc.toString(), ExportSelection.everything(),
        NearDupMode.DROP, 7, null, "ua");
    assertThatThrownBy(() -> new Exporter(db, w, null, null, failing).run()).hasMessage("disk full");
    assertThat(names(dir)).containsExactly("corpus.jsonl", "news.db");
  }

  @Test
  void textFilesGetSafeDistinctNamesInsideTheDirectory() throws IOException {
    Path out = dir.resolve("texts");
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "text", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> names = names(out);
    assertThat(names).hasSize(7).allMatch(n -> n.matches("[A-Za-z0-9][A-Za-z0-9._-]*_v1_[0-9a-f]{8}\\.txt"))
        .noneMatch(n -> n.contains(".."));
    assertThat(names).anyMatch(n -> n.startsWith("example.com_etc_passwd"));
    assertThat(Files.readString(out.resolve(names.get(0)))).isNotBlank();
    assertThat(names(dir)).containsExactly("news.db", "texts");

    Cli again = Cli.run("export", "--db", db.toString(), "--format", "text", "--out", out.toString());
    assertThat(again.code()).isEqualTo(4);
    assertThat(again.err()).contains("is not empty");
  }

  @Test
  void anEmptyResultIsAValidEmptyFileWithANote() throws IOException {
    Path out = dir.resolve("empty.csv");
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "csv", "--out", out.toString(), "--language", "fr");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("no article versions matched").contains("language=fr");
    assertThat(Files.readString(out)).startsWith("url,source_domain,title").hasLineCount(1);
  }
}

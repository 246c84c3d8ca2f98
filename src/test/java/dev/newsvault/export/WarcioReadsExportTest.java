package dev.newsvault.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads newsvault's WARC exports with an independent implementation, warcio.js ({@code warcio index}), so the
 * files are not only what jwarc (which wrote them) accepts. {@code .ci/run} installs warcio with npm into
 * {@code target/warcio}; {@code NEWSVAULT_WARCIO} may name another {@code warcio} executable. In CI
 * ({@code CI=true}) a missing warcio fails the test; elsewhere the test is skipped with a message saying how to
 * install it.
 */
class WarcioReadsExportTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String STORY = "http://news.example.com/2026/02/01/ferry-timetable";
  static final String OTHER = "http://news.example.com/2026/02/02/market-hall";
  static final String FIELDS = "offset,warc-type,warc-target-uri,warc-refers-to,warc-refers-to-target-uri,"
      + "warc-refers-to-date,warc-profile,warc-payload-digest,warc-record-id,warc-date";

  @TempDir Path dir;
  Path db;
  Path warcio;

  @BeforeEach
  void setUp() throws Exception {
    warcio = findWarcio();
    db = dir.resolve("news.db");
    String text = Archives.story(5, 350);
    String html = Archives.page("Ferry timetable", text);
    Archives a = Archives.create(db);
    a.article(STORY, "Ferry timetable", "2026-02-01", "en", "2026-02-01T07:00:00.5Z", text, html);
    a.article(STORY, "Ferry timetable", "2026-02-01", "en", "2026-02-02T07:00:00Z", text, html);
    a.article(OTHER, "Market hall reopens", "2026-02-02", "en", "2026-02-02T08:00:00Z", Archives.story(6, 300));
    a.close();
  }

  @Test
  void warcioIndexesAPlainWarcExportRecordForRecordAsJwarcReadsIt() throws Exception {
    checkWith("capture.warc");
  }

  @Test
  void warcioIndexesAGzippedWarcExportRecordForRecordAsJwarcReadsIt() throws Exception {
    checkWith("capture.warc.gz");
  }

  private void checkWith(String name) throws Exception {
    Path warc = dir.resolve(name);
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "warc", "--out", warc.toString());
    assertThat(r.code()).as(r.err()).isZero();

    List<JsonNode> index = index(warc);
    List<String> jwarcTypes = new ArrayList<>();
    List<String> jwarcIds = new ArrayList<>();
    try (WarcReader reader = new WarcReader(warc)) {
      for (WarcRecord rec : reader) {
        jwarcTypes.add(rec.type());
        jwarcIds.add("<" + rec.id() + ">");
      }
    }
    assertThat(index).extracting(n -> n.path("warc-type").asText()).isEqualTo(jwarcTypes);
    assertThat(index).extracting(n -> n.path("warc-record-id").asText()).isEqualTo(jwarcIds);
    assertThat(jwarcTypes).contains("revisit");

    JsonNode response = index.stream().filter(n -> n.path("warc-type").asText().equals("response")
        && n.path("warc-target-uri").asText().equals(STORY)).findFirst().orElseThrow();
    JsonNode revisit = index.stream().filter(n -> n.path("warc-type").asText().equals("revisit"))
        .findFirst().orElseThrow();
    assertThat(revisit.path("warc-target-uri").asText()).isEqualTo(STORY);
    assertThat(revisit.path("warc-profile").asText())
        .isEqualTo("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
    assertThat(revisit.path("warc-refers-to").asText()).isEqualTo(response.path("warc-record-id").asText());
    assertThat(revisit.path("warc-refers-to-target-uri").asText()).isEqualTo(STORY);
    assertThat(revisit.path("warc-refers-to-date").asText()).isEqualTo(response.path("warc-date").asText());
    assertThat(revisit.path("warc-payload-digest").asText())
        .isEqualTo(response.path("warc-payload-digest").asText()).startsWith("sha256:");
  }

  /** Runs {@code warcio index} (the file before {@code --fields}, which takes a list) and parses its JSON lines; fails with warcio's own output when it fails. */
  private List<JsonNode> index(Path warc) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(warcio.toString(), "index", warc.toString(), "--fields", FIELDS)
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("warcio finished").isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("warcio index %s said:%n%s", warc, text).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        records.add(JSON.readTree(line));
      }
    }
    return records;
  }

  private static Path findWarcio() {
    String named = System.getenv("NEWSVAULT_WARCIO");
    Path found = named != null && !named.isBlank() ? Path.of(named)
        : Path.of("target", "warcio", "node_modules", ".bin", "warcio").toAbsolutePath();
    if (Files.isExecutable(found)) {
      return found;
    }
    String how = "warcio.js not found at " + found + "; install it with 'npm install --no-save --prefix"
        + " target/warcio warcio' (what .ci/run does) or set NEWSVAULT_WARCIO";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI must check WARC exports with warcio.js: " + how);
    }
    System.err.println("SKIPPED WarcioReadsExportTest: " + how);
    Assumptions.abort(how);
    return null;
  }
}

package dev.newsvault.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.Warcinfo;

class ExportFormatsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TRANSIT = "http://news.example.com/2026/01/05/transit-vote";
  static final String BRIDGE = "https://www.other.test/metro/bridge?id=7";
  static final String MIRROR = "http://mirror.test/copy/bridge";

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void archive() throws IOException {
    db = dir.resolve("news.db");
    Archives a = Archives.create(db);
    a.article(TRANSIT, "Council approves transit line", "2026-01-05", "en", "2026-01-05T10:00:00Z",
        Archives.story(1, 600));
    a.article(BRIDGE, "Brücke gesperrt", "2026-01-06T08:30:00+01:00", "de", "2026-01-06T09:00:00Z",
        Archives.story(2, 500));
    a.article(MIRROR, "Bridge closed (copy)", "2026-01-06", "de", "2026-01-06T12:00:00Z", Archives.story(2, 500));
    a.article(TRANSIT, "Council approves transit line, 7-2", "2026-01-05", "en", "2026-01-07T10:00:00Z",
        Archives.story(1, 600) + "\n\nUpdated with the final vote count.");
    a.close();
  }

  private Cli export(String... args) {
    List<String> all = new ArrayList<>(List.of("export", "--db", db.toString()));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  static List<JsonNode> jsonl(String text) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  @Test
  void jsonlUsesNewsPleaseFieldsKeepsTheLatestVersionAndCollapsesTheExactCopy() throws Exception {
    Cli r = export("--format", "jsonl", "--out", "-");
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> records = jsonl(r.out());
    assertThat(records).extracting(n -> n.get("url").asText()).containsExactly(BRIDGE, TRANSIT);
    JsonNode transit = records.get(1);
    assertThat(transit.get("version").asInt()).isEqualTo(2);
    assertThat(transit.get("title").asText()).isEqualTo("Council approves transit line, 7-2");
    assertThat(transit.get("source_domain").asText()).isEqualTo("news.example.com");
    assertThat(transit.get("authors").get(0).asText()).isEqualTo("Dana Reporter");
    assertThat(transit.get("date_publish").asText()).isEqualTo("2026-01-05");
    assertThat(transit.get("date_download").asText()).isEqualTo("2026-01-07T10:00:00Z");
    assertThat(transit.get("maintext").asText()).endsWith("Updated with the final vote count.");
    assertThat(transit.get("text_sha256").asText()).startsWith("sha256:");
    assertThat(transit.get("word_count").asInt()).isEqualTo(606);
    List<String> names = new ArrayList<>();
    transit.fieldNames().forEachRemaining(names::add);
    assertThat(names).startsWith("url", "source_domain", "title", "authors", "date_publish", "date_modify",
        "date_download", "maintext", "language", "description", "image_url");
    assertThat(r.err()).contains("exported 2 article versions").contains("1 exact duplicates collapsed");
  }

  @Test
  void allVersionsExportsEveryVersionInArchiveOrder() throws Exception {
    Cli r = export("--format", "jsonl", "--out", "-", "--all-versions");
    assertThat(jsonl(r.out())).extracting(n -> n.get("url").asText() + "#" + n.get("version").asInt())
        .containsExactly(TRANSIT + "#1", BRIDGE + "#1", TRANSIT + "#2");
  }

  @Test
  void gzipSuffixCompressesAndTheSameFlagsGiveTheSameBytes() throws Exception {
    Path one = dir.resolve("one.jsonl.gz");
    Path two = dir.resolve("two.jsonl.gz");
    assertThat(export("--format", "jsonl", "--out", one.toString()).code()).isZero();
    assertThat(export("--format", "jsonl", "--out", two.toString()).code()).isZero();
    assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(one))) {
      assertThat(jsonl(new String(in.readAllBytes(), StandardCharsets.UTF_8))).hasSize(2);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void csvIsRfc4180WithAHeaderAndParsesBack() throws Exception {
    Path csv = dir.resolve("out.csv");
    assertThat(export("--format", "csv", "--out", csv.toString()).code()).isZero();
    String text = Files.readString(csv);
    assertThat(text).contains("\r\n");
    try (Reader in = Files.newBufferedReader(csv);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      assertThat(p.getHeaderNames()).startsWith("url", "source_domain", "title", "authors");
      List<CSVRecord> rows = p.getRecords();
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).get("title")).isEqualTo("Brücke gesperrt");
      assertThat(rows.get(0).get("maintext")).isEqualTo(Archives.story(2, 500));
      assertThat(rows.get(1).get("authors")).isEqualTo("Dana Reporter");
    }
  }

  @Test
  void textStreamSeparatesArticlesWithAMarkedLine() {
    Cli r = export("--format", "text", "--out", "-");
    assertThat(r.out()).startsWith("==== newsvault article " + BRIDGE + " version 1 ====\nBrücke gesperrt\n\n");
    assertThat(r.out()).contains("==== newsvault article " + TRANSIT + " version 2 ====\n");
  }

  @Test
  void markdownWritesOneFileWithFrontMatterPerVersionInAFolderPerHost() throws Exception {
    Path out = dir.resolve("md");
    Cli r = export("--format", "markdown", "--out", out.toString(), "--all-versions");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(out)) {
      walk.filter(Files::isRegularFile).forEach(f -> files.add(out.relativize(f).toString().replace('\\', '/')));
    }
    assertThat(files).hasSize(3)
        .anySatisfy(f -> assertThat(f).startsWith("news.example.com/").contains("_v2_").endsWith(".md"))
        .anySatisfy(f -> assertThat(f).startsWith("www.other.test/www.other.test_metro_bridge_id_7_v1_"));
    Path v2 = Files.list(out.resolve("news.example.com")).filter(f -> f.toString().contains("_v2_")).findFirst()
        .orElseThrow();
    String doc = Files.readString(v2);
    assertThat(doc).startsWith("---\nurl: \"" + TRANSIT + "\"\n")
        .contains("\ntitle: \"Council approves transit line, 7-2\"\n", "\nauthors: [\"Dana Reporter\"]\n",
            "\nversion: 2\n", "\n---\n\n")
        .doesNotContain("maintext", "\nmarkdown:")
        .endsWith("Updated with the final vote count.\n");
  }

  @Test
  void markdownToStandardOutputIsOneDocumentAfterAnother() {
    Cli r = export("--format", "markdown", "--out", "-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().split("(?m)^---\n", -1)).hasSize(5);
    assertThat(r.out()).startsWith("---\nurl: \"" + BRIDGE + "\"");
  }

  @Test
  void warcHasWarcinfoFirstAndReadsBackWithEveryDigestVerified() throws Exception {
    Path warc = dir.resolve("out.warc.gz");
    Cli r = export("--format", "warc", "--out", warc.toString(), "--all-versions");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> types = new ArrayList<>();
    Map<String, String> payloadDigestOfResponse = new HashMap<>();
    try (WarcReader reader = reader(warc)) {
      for (WarcRecord rec : reader) {
        types.add(rec.type());
        if (rec instanceof WarcResponse resp) {
          HttpResponse http = resp.http();
          byte[] body = http.body().stream().readAllBytes();
          assertThat(http.headers().first("Content-Length")).hasValue(String.valueOf(body.length));
          assertThat(http.headers().first("Content-Encoding")).isEmpty();
          assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("<!doctype html>");
          assertThat(resp.payloadDigest().orElseThrow()).isEqualTo(sha256(body));
          payloadDigestOfResponse.put(resp.id().toString(), resp.payloadDigest().get().toString());
        } else if (rec instanceof WarcRequest req) {
          assertThat(req.http().headers().first("User-Agent").orElseThrow()).startsWith("newsvault/");
          assertThat(req.concurrentTo()).hasSize(1);
        } else if (rec instanceof WarcMetadata meta) {
          JsonNode json = JSON.readTree(meta.body().stream().readAllBytes());
          assertThat(json.get("url").asText()).isEqualTo(meta.target());
          assertThat(meta.concurrentTo()).hasSize(1);
        }
        verifyBlockDigest(rec);
      }
    }
    assertThat(types.get(0)).isEqualTo("warcinfo");
    assertThat(types).containsExactly("warcinfo", "response", "request", "metadata", "response", "request",
        "metadata", "response", "request", "metadata");
  }

  @Test
  void aPayloadAlreadyWrittenBecomesARevisitThatRefersToIt() throws Exception {
    Path db2 = dir.resolve("same-page.db");
    Archives a = Archives.create(db2);
    String html = Archives.page("Storm warning", Archives.story(9, 300));
    a.article("http://a.test/storm", "Storm warning", "2026-02-01", "en", "2026-02-01T00:00:00Z",
        Archives.story(9, 300), html);
    // the same bytes under another URL, extracted differently (as after an extractor change)
    a.article("http://a.test/storm?amp=1", "Storm warning (AMP)", "2026-02-01", "en", "2026-02-01T01:00:00Z",
        Archives.story(10, 300), html);
    a.close();
    Path warc = dir.resolve("revisit.warc");
    assertThat(Cli.run("export", "--db", db2.toString(), "--format", "warc", "--out", warc.toString()).code())
        .isZero();
    try (WarcReader reader = reader(warc)) {
      List<WarcRecord> all = new ArrayList<>();
      WarcResponse response = null;
      for (WarcRecord rec : reader) {
        if (rec instanceof WarcResponse resp) {
          response = resp;
          resp.http(); // parse before the body is consumed
        }
        if (rec instanceof WarcRevisit rev) {
          assertThat(rev.profile()).isEqualTo(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1);
          assertThat(rev.refersTo()).hasValue(response.id());
          assertThat(rev.payloadDigest()).isEqualTo(response.payloadDigest());
          assertThat(rev.payloadDigest().orElseThrow()).isEqualTo(sha256(html.getBytes(StandardCharsets.UTF_8)));
        }
        verifyBlockDigest(rec);
        all.add(rec);
      }
      assertThat(all).extracting(WarcRecord::type).containsExactly("warcinfo", "response", "request", "metadata",
          "revisit", "request", "metadata");
      assertThat(all.get(0)).isInstanceOf(Warcinfo.class);
    }
  }

  @Test
  void warcExportsOfTheSameArchiveAreByteIdentical() throws Exception {
    Path one = dir.resolve("a.warc.gz");
    Path two = dir.resolve("b.warc.gz");
    export("--format", "warc", "--out", one.toString());
    export("--format", "warc", "--out", two.toString());
    assertThat(Files.size(one)).isPositive();
    // the warcinfo names its file, so compare after the name
    byte[] a = new GZIPInputStream(Files.newInputStream(one)).readAllBytes();
    byte[] b = new GZIPInputStream(Files.newInputStream(two)).readAllBytes();
    assertThat(new String(b, StandardCharsets.ISO_8859_1).replace("b.warc.gz", "a.warc.gz"))
        .isEqualTo(new String(a, StandardCharsets.ISO_8859_1));
  }

  /** A reader that recomputes every block digest as it reads. */
  static WarcReader reader(Path warc) throws IOException {
    WarcReader r = new WarcReader(warc);
    r.calculateBlockDigest();
    return r;
  }

  /** Reads the rest of the block and checks the digest jwarc computed over all of it against the declared one. */
  static void verifyBlockDigest(WarcRecord rec) throws IOException {
    WarcDigest declared = rec.blockDigest().orElseThrow();
    rec.body().consume();
    assertThat(rec.calculatedBlockDigest()).as(rec.type() + " block digest").hasValue(declared);
  }

  static WarcDigest sha256(byte[] bytes) {
    try {
      return new WarcDigest("sha256", MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.newsvault.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsvault.archive.SimHash;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/** The exported record's fields, and how a record joins to its capture in a WARC export. */
class ExportRecordFieldsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String STORY = "http://news.example.com/2026/01/05/harbour-dredging";
  static final String LINK = "http://news.example.com/r/harbour";
  static final String PLAIN = "http://news.example.com/2026/01/06/plain";

  @TempDir Path dir;
  Path db;
  String storyHtml;

  @BeforeEach
  void archive() throws Exception {
    db = dir.resolve("news.db");
    String text = Archives.story(3, 400);
    storyHtml = "<!doctype html><html><head><title>Harbour dredging</title>"
        + "<meta property=\"article:section\" content=\"Politics\">"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
        + "\"NewsArticle\",\"articleSection\":[\"politics\",\"Local\"]}]}</script></head><body><article>"
        + "<p>" + text.replace("\n\n", "</p><p>") + "</p></article></body></html>";
    Archives a = Archives.create(db);
    a.feedEntry(STORY, "Dredging the harbour: what it costs");
    // the feed linked a redirect; the crawl archived the article under the URL it ended at
    a.capture(LINK, STORY, "Harbour dredging", "2026-01-05", "en", "2026-01-05T10:00:00.123456789Z", text,
        storyHtml);
    // a re-check a day later that got the very same bytes
    a.article(STORY, "Harbour dredging", "2026-01-05", "en", "2026-01-06T10:00:00.987654321Z", text, storyHtml);
    a.article(PLAIN, "Plain page", "2026-01-06", "en", "2026-01-06T11:00:00Z", Archives.story(4, 300));
    a.close();
  }

  @Test
  void jsonlRecordHoldsEveryFieldInTheOrderOfTheOneDefinition() throws Exception {
    Path out = dir.resolve("corpus.jsonl");
    Cli r = Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      records.add(JSON.readTree(line));
    }
    assertThat(records).hasSize(2);
    JsonNode story = records.get(0);
    List<String> names = new ArrayList<>();
    story.fieldNames().forEachRemaining(names::add);
    assertThat(names).isEqualTo(ArticleFields.names(false));
    assertThat(names).startsWith("url", "source_domain", "title", "authors", "date_publish", "date_modify",
        "date_download", "maintext", "language", "description", "image_url");

    assertThat(story.get("url").asText()).isEqualTo(STORY);
    assertThat(story.get("title_rss").asText()).isEqualTo("Dredging the harbour: what it costs");
    assertThat(story.get("title").asText()).isEqualTo("Harbour dredging");
    assertThat(story.get("site_name").asText()).isEqualTo("The Ledger");
    assertThat(texts(story.get("categories"))).containsExactly("Politics", "Local");
    assertThat(story.get("fingerprint").asText())
        .isEqualTo(String.format(Locale.ROOT, "%016x", SimHash.of(story.get("maintext").asText())));
    assertThat(story.get("article_id").isIntegralNumber()).isTrue();
    assertThat(story.get("version_id").isIntegralNumber()).isTrue();
    assertThat(story.get("version_id").asLong()).isNotEqualTo(records.get(1).get("version_id").asLong());
    assertThat(story.get("date_download").asText()).isEqualTo("2026-01-05T10:00:00Z");
    assertThat(story.get("first_seen").asText()).isEqualTo("2026-01-05T10:00:00Z");
    assertThat(story.get("last_seen").asText()).isEqualTo("2026-01-06T10:00:00Z");
    assertThat(story.get("state").asText()).isEqualTo("live");
    assertThat(story.get("final_url").asText()).isEqualTo(STORY);
    assertThat(story.get("http_status").asInt()).isEqualTo(200);
    assertThat(story.get("payload_digest").asText()).startsWith("sha256:");

    JsonNode plain = records.get(1);
    assertThat(plain.get("title_rss").isNull()).isTrue();
    assertThat(plain.get("categories")).isEmpty();
  }

  @Test
  void csvHasTheSameColumnsAndJoinsCategories() throws Exception {
    Path out = dir.resolve("corpus.csv");
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "csv", "--out", out.toString()).code())
        .isZero();
    try (Reader in = Files.newBufferedReader(out);
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      assertThat(csv.getHeaderNames()).isEqualTo(ArticleFields.names(false));
      Iterator<CSVRecord> rows = csv.iterator();
      CSVRecord story = rows.next();
      assertThat(story.get("categories")).isEqualTo("Politics; Local");
      assertThat(story.get("date_download")).isEqualTo("2026-01-05T10:00:00Z");
      assertThat(story.get("http_status")).isEqualTo("200");
    }
  }

  @Test
  void payloadDigestOfARecordIsTheWarcPayloadDigestOfItsCapture() throws Exception {
    Path jsonl = dir.resolve("corpus.jsonl");
    Path warc = dir.resolve("capture.warc.gz");
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", jsonl.toString()).code())
        .isZero();
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "warc", "--out", warc.toString()).code())
        .isZero();
    Map<String, String> responseDigestByUrl = new HashMap<>();
    try (WarcReader reader = ExportFormatsTest.reader(warc)) {
      for (WarcRecord rec : reader) {
        if (rec instanceof WarcResponse resp) {
          byte[] body = resp.http().body().stream().readAllBytes();
          assertThat(resp.payloadDigest()).hasValue(ExportFormatsTest.sha256(body));
          responseDigestByUrl.put(resp.target(), resp.payloadDigest().orElseThrow().toString());
        }
      }
    }
    for (String line : Files.readAllLines(jsonl)) {
      JsonNode rec = JSON.readTree(line);
      assertThat(rec.get("payload_digest").asText()).as(rec.get("url").asText())
          .isEqualTo(responseDigestByUrl.get(rec.get("url").asText()));
    }
  }

  @Test
  void anIdenticalRefetchBecomesARevisitNamingTheResponseItRepeats() throws Exception {
    Path warc = dir.resolve("capture.warc");
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "warc", "--out", warc.toString()).code())
        .isZero();
    List<WarcRecord> all = new ArrayList<>();
    WarcResponse response = null;
    WarcRevisit revisit = null;
    try (WarcReader reader = ExportFormatsTest.reader(warc)) {
      for (WarcRecord rec : reader) {
        if (rec instanceof WarcResponse resp && resp.target().equals(STORY)) {
          response = resp;
        }
        if (rec instanceof WarcRevisit rev) {
          revisit = rev;
        }
        assertThat(rec.headers().first("WARC-Date").orElseThrow()).doesNotContainPattern("\\.\\d{4,}");
        ExportFormatsTest.verifyBlockDigest(rec);
        all.add(rec);
      }
    }
    assertThat(all).extracting(WarcRecord::type).containsExactly("warcinfo", "response", "request", "revisit",
        "request", "metadata", "response", "request", "metadata");
    assertThat(revisit).isNotNull();
    assertThat(revisit.target()).isEqualTo(STORY);
    assertThat(revisit.profile()).isEqualTo(WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1);
    assertThat(revisit.refersTo()).hasValue(response.id());
    assertThat(revisit.headers().first("WARC-Refers-To-Target-URI")).hasValue(STORY);
    assertThat(revisit.headers().first("WARC-Refers-To-Date")).isEqualTo(response.headers().first("WARC-Date"));
    assertThat(revisit.payloadDigest()).isEqualTo(response.payloadDigest());
    assertThat(revisit.payloadDigest()).hasValue(ExportFormatsTest.sha256(storyHtml.getBytes(StandardCharsets.UTF_8)));
    assertThat(revisit.date()).isAfter(response.date());
    assertThat(response.headers().first("WARC-Date")).hasValue("2026-01-05T10:00:00.123Z");
  }

  @Test
  void anExportedFileGetsTheModeTheUmaskGivesNewFiles() throws Exception {
    Path out = dir.resolve("corpus.jsonl");
    assertThat(Cli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", out.toString()).code())
        .isZero();
    Path reference = Files.createFile(dir.resolve("reference"));
    PosixFileAttributeView view = Files.getFileAttributeView(out, PosixFileAttributeView.class);
    org.junit.jupiter.api.Assumptions.assumeTrue(view != null, "not a POSIX file system");
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(reference));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

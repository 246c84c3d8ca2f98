package dev.newsvault.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsvault.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Revisits whose originals sit in another file of the input, before or after them in input order (and one later
 * in its own file), against import + export of the same files: the same versions, texts, hashes and capture
 * times, and a revisit of a record nowhere in the input skipped by both.
 *
 * <p>Files in name order: {@code a-early} holds revisits of originals in {@code b-originals} (later in input
 * order), {@code c-late} revisits of originals in {@code b-originals} and of a response later in itself, a revisit
 * under another URL on the host with an extraction rule, and a revisit of nothing. Import needs the originals
 * before the revisits, so it reads {@code b} first; the job resolves the same whatever the order.
 */
class CrossFileRevisitsTest {

  private static final String RULE_HOST = "www.ruled.example";
  /** Articles with an original in b: each gets revisits in a (earlier) and c (later) and a changed text between. */
  private static final int STORIES = 12;
  private static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
  /** A URL whose revisit comes before its response in the same file. */
  private static final String LATER = "https://www.outlet9.example/news/later.html";
  private static final String NOWHERE = "https://www.outlet1.example/news/gone.html";
  private static SparkSession spark;

  @TempDir static Path dir;
  private static Path warcs;
  private static Path config;

  @BeforeAll
  static void setUp() throws IOException {
    warcs = dir.resolve("warcs");
    Files.createDirectories(warcs);
    writeCorpus();
    config = CorpusWarcs.notesRuleConfig(dir, RULE_HOST);
    spark = LocalSpark.start("newsvault-spark-revisits-test");
  }

  @AfterAll
  static void tearDown() {
    LocalSpark.stop(spark);
  }

  @Test
  void resolvesRevisitsAcrossFilesAsImportAndExportDo() throws IOException {
    Path db = dir.resolve("originals-first.db");
    StringWriter err = new StringWriter();
    assertThat(cli(err, "import", "--db", db.toString(), "--config", config.toString(), file("b-originals"),
        file("a-early"), file("c-late"))).isZero();
    List<JsonNode> exported = export(db);
    NewsvaultSpark.Result r = new NewsvaultSpark(spark).run(JobOptions.parse("--out", dir.resolve("job").toString(),
        "--config", config.toString(), "--near-dups", "keep", warcs.toString()));
    List<JsonNode> job = JsonRecords.ofJob(dir.resolve("job"));

    assertThat(keys(job)).isEqualTo(keys(exported));
    assertThat(job).hasSameSizeAs(exported);
    assertThat(job).extracting(n -> n.get("url").asText()).contains(LATER);
    // the revisits count as captures: v1 starts at a's revisit, and c's revisit (b's text again) ends the span
    assertThat(job).filteredOn(n -> n.get("url").asText().contains("/news/r")).hasSize(2 * STORIES)
        .allSatisfy(n -> assertThat(Instant.parse(n.get("first_seen").asText())).isBefore(T.plusSeconds(3600)))
        .allSatisfy(n -> assertThat(Instant.parse(n.get("last_seen").asText())).isAfter(T.plusSeconds(10_000)));
    assertThat(job).filteredOn(n -> n.get("url").asText().contains("//" + RULE_HOST + "/")).hasSize(1)
        .allSatisfy(n -> assertThat(n.get("maintext").asText()).doesNotContain(CorpusWarcs.NOTE));
    // the revisit of nothing: skipped by both
    assertThat(err.toString()).contains("2 skipped, revisit of an unknown record") // and the one before LATER
        .contains(NOWHERE + " skipped, revisit of an unknown record");
    assertThat(r.counters()).contains(" 1 capture records skipped").endsWith(", 0 failed");
  }

  @Test
  void resolvesARevisitWhoseOriginalComesLaterInItsOwnFile() throws IOException {
    new NewsvaultSpark(spark).run(JobOptions.parse("--out", dir.resolve("later").toString(), "--config",
        config.toString(), "--near-dups", "keep", file("c-late")));

    // import reads a file once, front to back, and skips this revisit; the job starts LATER's capture span at it
    assertThat(JsonRecords.ofJob(dir.resolve("later"))).filteredOn(n -> n.get("url").asText().equals(LATER)).singleElement()
        .satisfies(n -> assertThat(n.get("date_download").asText()).isEqualTo(T.plusSeconds(8000).toString()));
  }

  @Test
  void importReadingTheRevisitsFirstMissesWhatTheJobResolves() throws IOException {
    Path db = dir.resolve("name-order.db");
    StringWriter err = new StringWriter();
    assertThat(cli(err, "import", "--db", db.toString(), "--config", config.toString(), warcs.toString())).isZero();

    // a's revisits come before their originals: import cannot resolve them, the job (above) does
    assertThat(err.toString()).contains((STORIES + 2) + " skipped, revisit of an unknown record");
  }

  /** a: revisits of b's originals, an hour before them; b: the originals; c: a new text, then revisits of b. */
  private static void writeCorpus() throws IOException {
    List<String> urls = new ArrayList<>();
    List<byte[]> first = new ArrayList<>();
    List<URI> ids = new ArrayList<>();
    try (WarcWriter b = writer("b-originals.warc.gz", WarcCompression.GZIP)) {
      for (int i = 0; i < STORIES; i++) {
        String url = "https://www.outlet" + (i % 4) + ".example/news/r" + i + ".html";
        byte[] page = page(i, 0);
        urls.add(url);
        first.add(page);
        ids.add(CorpusWarcs.response(b, url, T.plusSeconds(3600 + i), 200, "text/html; charset=utf-8", page));
      }
    }
    try (WarcWriter a = writer("a-early.warc.gz", WarcCompression.GZIP)) {
      for (int i = 0; i < STORIES; i++) {
        CorpusWarcs.revisit(a, urls.get(i), T.plusSeconds(i), ids.get(i), first.get(i));
      }
    }
    try (WarcWriter c = writer("c-late.warc", WarcCompression.NONE)) {
      // a revisit of a response later in this file, then that response (its URL's only capture)
      String later = LATER;
      byte[] laterPage = page(99, 0);
      URI laterId = URI.create("urn:uuid:" + java.util.UUID.nameUUIDFromBytes((later + T.plusSeconds(9000))
          .getBytes(StandardCharsets.UTF_8)));
      CorpusWarcs.revisit(c, later, T.plusSeconds(8000), laterId, laterPage);
      for (int i = 0; i < STORIES; i++) {
        CorpusWarcs.response(c, urls.get(i), T.plusSeconds(7200 + i), 200, "text/html; charset=utf-8", page(i, 1));
        CorpusWarcs.revisit(c, urls.get(i), T.plusSeconds(10_800 + i), ids.get(i), first.get(i));
      }
      CorpusWarcs.response(c, later, T.plusSeconds(9000), 200, "text/html; charset=utf-8", laterPage);
      // the same payload as b's first original under another URL, on the host whose rule drops the note
      CorpusWarcs.revisit(c, "https://" + RULE_HOST + "/news/copy.html", T.plusSeconds(12_000), ids.get(0),
          first.get(0));
      CorpusWarcs.revisit(c, NOWHERE, T.plusSeconds(12_500),
          URI.create("urn:uuid:00000000-0000-0000-0000-000000000000"), page(500, 0));
    }
  }

  private static byte[] page(int story, int edition) {
    String text = CorpusWarcs.story(story * 13L + edition, 150 + story % 20);
    return CorpusWarcs.page("Revisited " + story + (edition > 0 ? " (update)" : ""), text)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static WarcWriter writer(String name, WarcCompression compression) throws IOException {
    return new WarcWriter(FileChannel.open(warcs.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING), compression);
  }

  private static String file(String prefix) throws IOException {
    try (Stream<Path> s = Files.list(warcs)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow().toString();
    }
  }

  /**
   * What identifies a record and its text: url, version, text hash, text, title, capture time and the span of
   * captures (the start not for
   * {@link #LATER}: import skips the revisit before its response, see the test on it).
   */
  private static Set<String> keys(List<JsonNode> records) {
    return records.stream().map(n -> String.join("|", n.get("url").asText(), n.get("version").asText(),
        n.get("text_sha256").asText(), n.get("maintext").asText(), n.get("title").asText(),
        n.get("url").asText().equals(LATER) ? "" : n.get("date_download").asText() + n.get("first_seen").asText(),
        n.get("last_seen").asText(), n.get("change_kind").asText()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<JsonNode> export(Path db) throws IOException {
    Path out = dir.resolve(db.getFileName() + ".jsonl");
    assertThat(cli(new StringWriter(), "export", "--db", db.toString(), "--format", "jsonl", "--out",
        out.toString(), "--all-versions", "--near-dups", "keep")).isZero();
    return JsonRecords.ofExport(out);
  }



  private static int cli(StringWriter err, String... args) {
    int code = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }
}

package dev.newsvault.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsvault.cli.Main;
import dev.newsvault.export.ArticleFields;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in local[2] against import + export on the same WARC files and the same config (an extraction rule for
 * one host): same records, hashes and duplicates, and the same records kept around a malformed one.
 */
class NewsvaultSparkTest {

  private static final String RULE_HOST = "www.outlet3.example";
  private static SparkSession spark;

  @TempDir static Path dir;
  private static Path warcs;
  private static Path db;
  private static Path config;

  @BeforeAll
  static void setUp() throws IOException {
    warcs = dir.resolve("warcs");
    CorpusWarcs.write(warcs, 4, 90);
    config = CorpusWarcs.notesRuleConfig(dir, RULE_HOST);
    db = dir.resolve("archive.db");
    String[] importArgs = {"import", "--db", db.toString(), "--config", config.toString(), warcs.toString()};
    assertThat(cli(importArgs)).isEqualTo(1); // 1: the malformed records were reported, the rest imported
    spark = LocalSpark.start("newsvault-spark-test");
  }

  @AfterAll
  static void tearDown() {
    LocalSpark.stop(spark);
  }

  @Test
  void marksTheSameRecordsHashesAndNearDuplicateClustersAsImportAndExport() throws IOException {
    List<JsonNode> exported = export("mark");
    List<JsonNode> job = job("mark");

    assertThat(keys(job)).isEqualTo(keys(exported));
    assertThat(job).hasSameSizeAs(exported);
    assertThat(clusters(job)).isEqualTo(clusters(exported));
    assertThat(clusters(job)).isNotEmpty(); // the corpus holds edited copies
    // later versions carry the kind of edit that made them, labelled as the archive labels them
    assertThat(job).filteredOn(n -> n.get("version").asInt() > 1).isNotEmpty()
        .allSatisfy(n -> assertThat(n.get("change_kind").isNull()).isFalse());
    assertThat(job.get(0).fieldNames()).toIterable().containsExactlyElementsOf(ArticleFields.names(true));
  }

  @Test
  void appliesTheConfiguredExtractionRulesAsImportDoes() throws IOException {
    List<JsonNode> job = job("keep");

    assertThat(job).filteredOn(n -> n.get("url").asText().contains("//" + RULE_HOST + "/")).isNotEmpty()
        .allSatisfy(n -> assertThat(n.get("maintext").asText()).doesNotContain(CorpusWarcs.NOTE));
    assertThat(job).filteredOn(n -> !n.get("url").asText().contains("//" + RULE_HOST + "/"))
        .anySatisfy(n -> assertThat(n.get("maintext").asText()).contains(CorpusWarcs.NOTE));
    assertThat(keys(job)).isEqualTo(keys(export("keep")));
  }

  @Test
  void dropsTheSameExactAndNearDuplicatesAsExport() throws IOException {
    List<JsonNode> exported = export("drop");
    List<JsonNode> job = job("drop");

    assertThat(keys(job)).isEqualTo(keys(exported));
    assertThat(export("keep").size()).isGreaterThan(exported.size());
  }

  @Test
  void writesParquetWithTheExportFieldsInOrder() throws IOException {
    Path out = dir.resolve("parquet-run");
    NewsvaultSpark.Result r = new NewsvaultSpark(spark).run(JobOptions.parse("--out", out.toString(),
        "--config", config.toString(), "--near-dups", "keep", "--partitions", "2", warcs.toString() + "/*.warc*"));

    var parquet = spark.read().parquet(out.resolve("parquet").toString());
    assertThat(parquet.count()).isEqualTo(r.written());
    assertThat(List.of(parquet.columns())).isSubsetOf(ArticleFields.names(false));
    assertThat(List.of(parquet.columns())).contains("url", "maintext", "text_sha256", "version");
    assertThat(r.exactDuplicates()).isPositive();
    assertThat(r.counters()).contains("4 WARC files").endsWith(", " + CorpusWarcs.MALFORMED + " failed");
  }

  /** What identifies a record and its text: url, version, text hash, text, title, capture time and change label. */
  private static Set<String> keys(List<JsonNode> records) {
    return records.stream().map(n -> String.join("|", n.get("url").asText(), n.get("version").asText(),
        n.get("text_sha256").asText(), n.get("maintext").asText(), n.get("title").asText(),
        n.get("date_download").asText(), n.get("change_kind").asText())).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The near-duplicate clusters as sets of url#version (cluster ids differ: archive ids against input order). */
  private static Set<Set<String>> clusters(List<JsonNode> records) {
    Map<String, Set<String>> byId = new HashMap<>();
    for (JsonNode n : records) {
      JsonNode c = n.get("near_dup_cluster");
      if (c != null && !c.isNull()) {
        byId.computeIfAbsent(c.asText(), k -> new TreeSet<>()).add(n.get("url").asText() + "#" + n.get("version"));
      }
    }
    return Set.copyOf(byId.values());
  }

  private static List<JsonNode> export(String nearDups) throws IOException {
    Path out = dir.resolve("export-" + nearDups + ".jsonl");
    assertThat(cli("export", "--db", db.toString(), "--format", "jsonl", "--out", out.toString(), "--all-versions",
        "--near-dups", nearDups)).isZero();
    return JsonRecords.ofExport(out);
  }

  private static List<JsonNode> job(String nearDups) throws IOException {
    Path out = dir.resolve("job-" + nearDups);
    new NewsvaultSpark(spark).run(JobOptions.parse("--out", out.toString(), "--config", config.toString(),
        "--near-dups", nearDups, warcs.toString()));
    return JsonRecords.ofJob(out);
  }


  private static int cli(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }
}

package dev.newsvault.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsvault.export.ArticleFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
    // 1: the malformed records were reported, the rest imported
    assertThat(NewsvaultCli.run(importArgs)).isEqualTo(1);
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

    assertThat(JsonRecords.keys(job)).isEqualTo(JsonRecords.keys(exported));
    assertThat(job).hasSameSizeAs(exported);
    assertThat(JsonRecords.clusters(job)).isEqualTo(JsonRecords.clusters(exported));
    assertThat(JsonRecords.clusters(job)).isNotEmpty(); // the corpus holds edited copies
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
    assertThat(JsonRecords.keys(job)).isEqualTo(JsonRecords.keys(export("keep")));
  }

  @Test
  void dropsTheSameExactAndNearDuplicatesAsExport() throws IOException {
    List<JsonNode> exported = export("drop");
    List<JsonNode> job = job("drop");

    assertThat(JsonRecords.keys(job)).isEqualTo(JsonRecords.keys(exported));
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

  private static List<JsonNode> export(String nearDups) throws IOException {
    Path out = dir.resolve("export-" + nearDups + ".jsonl");
    assertThat(NewsvaultCli.run("export", "--db", db.toString(), "--format", "jsonl", "--out", out.toString(),
        "--all-versions", "--near-dups", nearDups)).isZero();
    return JsonRecords.ofExport(out);
  }

  private static List<JsonNode> job(String nearDups) throws IOException {
    Path out = dir.resolve("job-" + nearDups);
    new NewsvaultSpark(spark).run(JobOptions.parse("--out", out.toString(), "--config", config.toString(),
        "--near-dups", nearDups, warcs.toString()));
    return JsonRecords.ofJob(out);
  }
}

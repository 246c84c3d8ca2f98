package dev.newsvault.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job, {@code newsvault-spark.jar}, submitted to a Spark standalone cluster of a master and two
 * workers in separate JVMs on 127.0.0.1: its executors load the job's classes from the shipped jar alone and
 * receive its tasks serialized, as on any cluster (YARN, Kubernetes). The output is compared record by record
 * with import + export of the same WARC files, as {@link NewsvaultSparkTest} does in local[2].
 *
 * <p>An integration test (failsafe, after {@code package}): it needs the shaded jar and the Spark home the build
 * fills with the Spark artifacts Maven resolved ({@code target/spark-home/jars}), passed as system properties.
 */
class StandaloneClusterIT {

  private static final String RULE_HOST = "www.outlet3.example";

  @TempDir Path dir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard against a hung cluster, not a speed check
  void jobSubmittedToATwoWorkerClusterWritesTheSameRecordsAsImportAndExport() throws Exception {
    Path warcs = dir.resolve("warcs");
    CorpusWarcs.write(warcs, 4, 40);
    Path config = CorpusWarcs.notesRuleConfig(dir, RULE_HOST);
    Path db = dir.resolve("archive.db");
    // 1: the malformed records were reported, the rest imported
    assertThat(NewsvaultCli.run("import", "--db", db.toString(), "--config", config.toString(), warcs.toString()))
        .isEqualTo(1);
    Path exportFile = dir.resolve("export.jsonl");
    assertThat(NewsvaultCli.run("export", "--db", db.toString(), "--format", "jsonl", "--out",
        exportFile.toString(), "--all-versions", "--near-dups", "mark")).isZero();
    List<JsonNode> exported = JsonRecords.ofExport(exportFile);

    Path out = dir.resolve("job");
    try (StandaloneCluster cluster = StandaloneCluster.start(path("newsvault.spark.home"),
        Files.createDirectories(dir.resolve("cluster")), 2)) {
      List<String> submit = new ArrayList<>(List.of("--class", NewsvaultSpark.class.getName(),
          "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
          "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.executor.cores=1",
          "--conf", "spark.cores.max=2", "--conf", "spark.executor.memory=512m",
          "--conf", "spark.sql.shuffle.partitions=4",
          // the job's only input on the executors is the shipped jar: nothing from this JVM's class path
          path("newsvault.spark.jar").toString(),
          "--out", out.toString(), "--config", config.toString(), "--near-dups", "mark", "--partitions", "4",
          warcs.toString()));
      int code = cluster.submit(submit, Duration.ofMinutes(6));
      assertThat(code).as("spark-submit exit code; its log:\n%s", cluster.tail("submit")).isZero();

      // both workers ran an executor of the application
      for (int w = 1; w <= 2; w++) {
        assertThat(appDirs(cluster.workDir(w))).as("executors of worker %d", w).isNotEmpty();
      }
    }

    List<JsonNode> job = JsonRecords.ofJob(out);
    assertThat(JsonRecords.keys(job)).isEqualTo(JsonRecords.keys(exported));
    assertThat(job).hasSameSizeAs(exported);
    assertThat(JsonRecords.clusters(job)).isNotEmpty().isEqualTo(JsonRecords.clusters(exported));
  }

  private static List<Path> appDirs(Path workDir) throws IOException {
    try (Stream<Path> s = Files.list(workDir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("app-")).toList();
    }
  }

  private static Path path(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s (set by the failsafe plugin in spark/pom.xml)", property).isNotNull();
    Path p = Path.of(value);
    assertThat(p).as("%s: run 'mvn verify' in the spark module, which builds it", property).exists();
    return p;
  }
}

package dev.newsvault.spark;

import dev.newsvault.export.NearDupMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The driver: expands the inputs to WARC files, runs one task per file (read, extract), resolves the revisits
 * across files ({@link Revisits}), computes versions and de-duplicates across the corpus, and writes the records
 * as JSONL.gz shards ({@code OUT/jsonl}) and Parquet ({@code OUT/parquet}) with the fields of
 * {@code newsvault export}.
 */
public final class NewsvaultSpark {

  /** What one run did. */
  public record Result(long written, long versions, long exactDuplicates, long nearDuplicates, String counters) {}

  private final SparkSession spark;

  public NewsvaultSpark(SparkSession spark) {
    this.spark = spark;
  }

  public static void main(String[] args) throws IOException {
    JobOptions o;
    try {
      o = JobOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("newsvault-spark: " + e.getMessage());
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("newsvault-spark")
        .master(System.getProperty("spark.master", "local[*]")).getOrCreate();
    try {
      Result r = new NewsvaultSpark(spark).run(o);
      System.err.printf(Locale.ROOT, "newsvault-spark: wrote %,d records to %s (%,d versions, %,d exact duplicates"
          + " collapsed, %,d near-duplicates %s)%nnewsvault-spark: %s%n", r.written(), o.out(), r.versions(),
          r.exactDuplicates(), r.nearDuplicates(), o.nearDups() == NearDupMode.MARK ? "marked" : o.nearDups()
          == NearDupMode.DROP ? "dropped" : "not looked for", r.counters());
    } finally {
      spark.stop();
    }
  }

  public Result run(JobOptions o) throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> files = expand(o.inputs(), jsc.hadoopConfiguration());
    Map<String, String> hadoop = new HashMap<>();
    jsc.hadoopConfiguration().forEach(e -> hadoop.put(e.getKey(), e.getValue()));
    JobCounters counters = new JobCounters(spark.sparkContext());
    List<Tuple2<Integer, String>> indexed = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      indexed.add(new Tuple2<>(i, files.get(i)));
    }
    // one task per file: WARC files are read whole, record by record (kept: three stages read its rows)
    JavaRDD<FileRows> read = jsc.parallelize(indexed, Math.max(1, indexed.size()))
        .map(f -> WarcPages.read(f._1(), f._2(), hadoop, o, counters)).persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<PageRow> pages = read.flatMap(f -> f.pages().iterator());
    // the join only when a revisit is left: most corpora resolve all of theirs within their files
    if (read.map(f -> (long) f.revisits().size()).fold(0L, Long::sum) > 0) {
      pages = pages.union(Revisits.resolve(read.flatMap(f -> f.revisits().iterator()),
          read.flatMap(f -> f.payloads().iterator()), hadoop, o, counters));
    }
    JavaRDD<VersionRow> versions = Versions.of(pages).persist(StorageLevel.MEMORY_AND_DISK());
    long versionCount = versions.count();
    read.unpersist();
    JavaRDD<VersionRow> kept = versions.mapToPair(v -> new Tuple2<>(v.page().textSha256(), v))
        .reduceByKey((a, b) -> a.order() <= b.order() ? a : b).values().persist(StorageLevel.MEMORY_AND_DISK());
    long keptCount = kept.count();
    Map<Long, Long> clusters = o.nearDups() == NearDupMode.KEEP ? Map.of()
        : NearDups.clusters(kept, o.nearDupBits());
    long nearDuplicates = clusters.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).count();
    Broadcast<Map<Long, Long>> cl = jsc.broadcast(new HashMap<>(clusters));
    boolean drop = o.nearDups() == NearDupMode.DROP;
    boolean mark = o.nearDups() == NearDupMode.MARK;
    JavaRDD<VersionRow> out = drop ? kept.filter(v -> {
      Long c = cl.value().get(v.order());
      return c == null || c == v.order();
    }) : kept;
    JavaRDD<String> lines = out.sortBy(VersionRow::order, true, Math.max(1, o.partitions() > 0 ? o.partitions()
        : indexed.size())).map(v -> ExportFields.json(v, mark ? cl.value().get(v.order()) : null, mark));
    Dataset<String> json = spark.createDataset(lines.rdd(), Encoders.STRING())
        .persist(StorageLevel.MEMORY_AND_DISK());
    long written = json.count();
    json.write().mode("overwrite").option("compression", "gzip").text(o.out() + "/jsonl");
    if (written > 0) {
      Dataset<Row> rows = spark.read().json(json);
      Column[] ordered = ExportFields.names(mark).stream().filter(n -> List.of(rows.columns()).contains(n))
          .map(functions::col).toArray(Column[]::new);
      rows.select(ordered).write().mode("overwrite").parquet(o.out() + "/parquet");
    }
    json.unpersist();
    kept.unpersist();
    versions.unpersist();
    return new Result(written, versionCount, versionCount - keptCount, nearDuplicates, counters.describe());
  }

  /** Each input as a path, glob or folder (its *.warc and *.warc.gz files, recursively), in name order. */
  static List<String> expand(List<String> inputs, Configuration conf) throws IOException {
    List<String> files = new ArrayList<>();
    for (String input : inputs) {
      Path p = new Path(input);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw new IOException("no WARC file matches " + input + "; check the path or glob");
      }
      for (FileStatus s : matches) {
        if (s.isDirectory()) {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(s.getPath(), true);
          while (it.hasNext()) {
            String name = it.next().getPath().toString();
            if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
              files.add(name);
            }
          }
        } else {
          files.add(s.getPath().toString());
        }
      }
    }
    files.sort(null);
    return files;
  }
}

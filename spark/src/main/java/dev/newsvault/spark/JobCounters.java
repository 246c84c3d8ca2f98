package dev.newsvault.spark;

import java.io.Serializable;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/** The job's counters, summed over all tasks by Spark and shown in its UI under these names. */
final class JobCounters implements Serializable {

  final LongAccumulator files;
  final LongAccumulator records;
  final LongAccumulator pages;
  final LongAccumulator articles;
  final LongAccumulator skipped;
  final LongAccumulator failed;

  JobCounters(SparkContext sc) {
    files = sc.longAccumulator("newsvault.files");
    records = sc.longAccumulator("newsvault.records.seen");
    pages = sc.longAccumulator("newsvault.html.pages");
    articles = sc.longAccumulator("newsvault.articles");
    skipped = sc.longAccumulator("newsvault.records.skipped");
    failed = sc.longAccumulator("newsvault.records.failed");
  }

  String describe() {
    return String.format(Locale.ROOT, "%,d WARC files, %,d records seen, %,d HTML pages (%,d with an article),"
        + " %,d capture records skipped (not HTML, not 2xx, truncated, too large, unresolved revisit), %,d failed",
        files.value(), records.value(), pages.value(), articles.value(), skipped.value(), failed.value());
  }
}

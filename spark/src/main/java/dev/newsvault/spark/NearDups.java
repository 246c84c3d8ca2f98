package dev.newsvault.spark;

import dev.newsvault.archive.SimHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;
import scala.Tuple3;

/**
 * Near-duplicates across articles as {@code export --near-dups} finds them, without comparing every pair: each
 * 64-bit SimHash is cut into k+1 bands, and two fingerprints at most k bits apart agree on at least one band
 * (pigeonhole), so only versions sharing a band value are compared, within their bucket. Each version is matched
 * to the earliest version of another article within k bits; clusters follow those matches back to their first
 * version (single link, earliest first), as the export's streaming pass decides them.
 */
final class NearDups {

  private NearDups() {}

  /** Version order → the order of the first version of its cluster, for every version that has a match. */
  static Map<Long, Long> clusters(JavaRDD<VersionRow> versions, int k) {
    int bands = k + 1;
    JavaPairRDD<Long, Long> matches = versions
        .map(v -> new Tuple3<>(v.order(), v.page().url(), SimHash.of(v.page().text())))
        .flatMapToPair(d -> {
          List<Tuple2<Tuple2<Integer, Long>, Tuple3<Long, String, Long>>> out = new ArrayList<>(bands);
          for (int b = 0; b < bands; b++) {
            out.add(new Tuple2<>(new Tuple2<>(b, band(d._3(), b, bands)), d));
          }
          return out.iterator();
        })
        .groupByKey()
        .flatMapToPair(bucket -> {
          List<Tuple3<Long, String, Long>> docs = new ArrayList<>();
          bucket._2().forEach(docs::add);
          docs.sort((x, y) -> Long.compare(x._1(), y._1()));
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (int j = 1; j < docs.size(); j++) {
            for (int i = 0; i < j; i++) {
              Tuple3<Long, String, Long> a = docs.get(i);
              Tuple3<Long, String, Long> b = docs.get(j);
              if (!a._2().equals(b._2()) && SimHash.distance(a._3(), b._3()) <= k) {
                out.add(new Tuple2<>(b._1(), a._1()));
                break; // the earliest in this bucket; other buckets may hold an earlier one
              }
            }
          }
          return out.iterator();
        })
        .reduceByKey(Math::min);
    // Only versions with a match come back to the driver: 16 bytes each.
    TreeMap<Long, Long> match = new TreeMap<>(matches.collectAsMap());
    Map<Long, Long> cluster = new HashMap<>();
    for (Map.Entry<Long, Long> e : match.entrySet()) {
      long m = e.getValue();
      long root = cluster.getOrDefault(m, m);
      cluster.put(e.getKey(), root);
      cluster.putIfAbsent(m, root);
    }
    return cluster;
  }

  /** Band b of a fingerprint cut into {@code bands} nearly equal runs of bits, as the export's index cuts it. */
  static long band(long sig, int b, int bands) {
    int start = 0;
    for (int i = 0; i < b; i++) {
      start += 64 / bands + (i < 64 % bands ? 1 : 0);
    }
    int width = 64 / bands + (b < 64 % bands ? 1 : 0);
    return width == 64 ? sig : (sig >>> start) & ((1L << width) - 1);
  }
}

package dev.newsvault.spark;

import dev.newsvault.extract.ArticleExtractor;
import dev.newsvault.extract.ExtractionRules;
import dev.newsvault.warc.CaptureRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import scala.Tuple2;

/**
 * Resolves the revisits their own file could not, across the whole input, as {@code import} resolves them through
 * the archive: a revisit stands for the record its WARC-Refers-To names, else for a record with its
 * WARC-Payload-Digest. Two small joins on keys (revisit rows against payload places; no payload is shuffled), then
 * one task per file holding originals reads each needed original once, by seeking to its offset, and extracts
 * every revisit of it with the revisit's own URL, date and Content-Type. A revisit whose original is nowhere in the
 * input is counted as skipped, as import counts a "revisit of an unknown record".
 */
final class Revisits {

  /** The revisit's key for the record it names first, then for its payload digest. */
  private static final int BY_ID = 0;
  private static final int BY_DIGEST = 1;

  private Revisits() {}

  static JavaRDD<PageRow> resolve(JavaRDD<PendingRevisit> revisits, JavaRDD<PayloadRef> payloads,
      Map<String, String> hadoop, JobOptions o, JobCounters n) {
    JavaPairRDD<String, PayloadRef> places = payloads.mapToPair(p -> new Tuple2<>(p.key(), p))
        .reduceByKey(PayloadRef::first);
    JavaPairRDD<String, Tuple2<PendingRevisit, Integer>> keys = revisits.flatMapToPair(r -> {
      List<Tuple2<String, Tuple2<PendingRevisit, Integer>>> k = new ArrayList<>(2);
      if (r.refersTo() != null) {
        k.add(new Tuple2<>(r.refersTo(), new Tuple2<>(r, BY_ID)));
      }
      if (r.payloadDigest() != null) {
        k.add(new Tuple2<>(r.payloadDigest(), new Tuple2<>(r, BY_DIGEST)));
      }
      if (k.isEmpty()) {
        k.add(new Tuple2<>("", new Tuple2<>(r, BY_DIGEST))); // names nothing: stays unresolved, but counted
      }
      return k.iterator();
    });
    // per revisit: the original by record id if there is one, else by digest; none when neither is in the input
    JavaPairRDD<Long, Candidate> chosen = keys.leftOuterJoin(places).mapToPair(t -> new Tuple2<>(t._2()._1()._1()
        .order(), new Candidate(t._2()._1()._1(), t._2()._1()._2(), t._2()._2().orElse(null))))
        .reduceByKey(Candidate::better);
    JavaPairRDD<String, Tuple2<PendingRevisit, PayloadRef>> byOriginalFile = chosen.values().flatMapToPair(c -> {
      if (c.original() == null) {
        n.skipped.add(1);
        return List.<Tuple2<String, Tuple2<PendingRevisit, PayloadRef>>>of().iterator();
      }
      return List.of(new Tuple2<>(c.original().file(), new Tuple2<>(c.revisit(), c.original()))).iterator();
    });
    return byOriginalFile.groupByKey().flatMap(f -> read(f._1(), f._2(), hadoop, o, n).iterator());
  }

  /** A revisit with the original one of its keys found (or null). */
  record Candidate(PendingRevisit revisit, int by, PayloadRef original) implements java.io.Serializable {

    static Candidate better(Candidate a, Candidate b) {
      if (a.original == null || b.original == null) {
        return a.original == null ? b : a;
      }
      return a.by != b.by ? (a.by < b.by ? a : b) : PayloadRef.first(a.original, b.original) == a.original ? a : b;
    }
  }

  /** Reads each original of one file once, in file order, and extracts the revisits that stand for it. */
  private static List<PageRow> read(String file, Iterable<Tuple2<PendingRevisit, PayloadRef>> wanted,
      Map<String, String> hadoop, JobOptions o, JobCounters n) {
    Map<Long, List<Tuple2<PendingRevisit, PayloadRef>>> byOffset = new HashMap<>();
    wanted.forEach(w -> byOffset.computeIfAbsent(w._2().offset(), k -> new ArrayList<>()).add(w));
    ArticleExtractor extractor = new ArticleExtractor(ExtractionRules.fromProperties(o.extractRules()));
    List<PageRow> out = new ArrayList<>();
    Configuration conf = new Configuration(false);
    hadoop.forEach(conf::set);
    Path path = new Path(file);
    try {
      FileSystem fs = FileSystem.get(path.toUri(), conf);
      try (HadoopChannel ch = new HadoopChannel(fs.open(path), fs.getFileStatus(path).getLen())) {
        for (Long offset : byOffset.keySet().stream().sorted().toList()) {
          List<Tuple2<PendingRevisit, PayloadRef>> revisits = byOffset.get(offset);
          byte[] body = payload(ch, revisits.get(0)._2(), o);
          for (Tuple2<PendingRevisit, PayloadRef> w : revisits.stream()
              .sorted(Comparator.comparingLong(t -> t._1().order())).toList()) {
            if (body == null) {
              n.failed.add(1);
              continue;
            }
            CaptureRecord c = w._1().resolved(body);
            WarcPages.extract(c, w._1().order(), extractor, o, n).ifPresent(out::add);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      n.failed.add(1);
      System.err.println("newsvault-spark: cannot read the originals of revisits in " + file + " (" + e
          + "); those revisits are left out");
    }
    return out;
  }

  /** The payload of the response at the place, or null (reported) when the record there is not that response. */
  private static byte[] payload(HadoopChannel ch, PayloadRef at, JobOptions o) throws IOException {
    ch.position(at.offset());
    // jwarc closes the channel when its reader is closed: the reader is dropped, not closed
    Optional<WarcRecord> r = new WarcReader(ch).next();
    if (r.isPresent() && r.get() instanceof WarcCaptureRecord rec) {
      CaptureRecord c = CaptureRecord.of(rec, at.file(), at.offset(), o.maxPageBytes());
      if (c.capture() != null && c.origin().recordId().equals(at.recordId())) {
        return c.capture().body();
      }
    }
    System.err.println("newsvault-spark: " + at.file() + " at byte " + at.offset() + ": the original " + at.recordId()
        + " of a revisit cannot be read again; its revisits are left out");
    return null;
  }
}

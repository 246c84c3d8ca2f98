package dev.newsvault.export;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ExportQuery;
import dev.newsvault.archive.ExportSelection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which versions an export skips and which carry a near-duplicate cluster id, decided in one streaming pass
 * over the selection in archive order before anything is written. Exact duplicates (same text_sha256) keep the
 * earliest. Near-duplicates are versions of different articles whose SimHash fingerprints are at most
 * {@code bits} apart; a version joins the cluster of the earliest such version (single link), and the cluster
 * id is the archive id of that earliest version. Only 64-bit hashes and fingerprints are held, never texts.
 */
final class DedupPlan {

  private final LongHashSet dropped = new LongHashSet();
  private final Map<Long, Long> clusters = new HashMap<>();
  private long exactDuplicates;
  private long nearDuplicates;
  private long millis;

  private DedupPlan() {}

  static DedupPlan build(ExportQuery query, ExportSelection sel, long upTo, NearDupMode mode, int bits,
      ExportProgress progress) throws ArchiveException {
    long start = System.nanoTime();
    DedupPlan plan = new DedupPlan();
    LongHashSet texts = new LongHashSet();
    boolean near = mode != NearDupMode.KEEP;
    SimHashIndex index = near ? new SimHashIndex(bits) : null;
    long[] clusterOfDoc = new long[near ? 1024 : 0];
    progress.phase("de-duplicating", -1);
    try (ExportQuery.Cursor<ExportQuery.TextKey> c = query.textKeys(sel, upTo, near)) {
      long seen = 0;
      for (ExportQuery.TextKey k = c.next(); k != null; k = c.next()) {
        progress.advance(++seen);
        if (!texts.add(key(k.textSha256()))) {
          plan.dropped.add(k.versionId());
          plan.exactDuplicates++;
          continue;
        }
        if (!near) {
          continue;
        }
        long sig = k.fingerprint();
        int match = index.nearest(sig, k.articleId());
        int doc = index.add(sig, k.articleId());
        if (doc == clusterOfDoc.length) {
          clusterOfDoc = java.util.Arrays.copyOf(clusterOfDoc, doc * 2);
        }
        if (match < 0) {
          clusterOfDoc[doc] = k.versionId();
          continue;
        }
        long cluster = clusterOfDoc[match];
        clusterOfDoc[doc] = cluster;
        plan.nearDuplicates++;
        if (mode == NearDupMode.DROP) {
          plan.dropped.add(k.versionId());
        } else {
          plan.clusters.put(cluster, cluster);
          plan.clusters.put(k.versionId(), cluster);
        }
      }
    } catch (java.io.IOException e) {
      throw e instanceof ArchiveException a ? a : new ArchiveException(e.getMessage(), e);
    }
    plan.millis = (System.nanoTime() - start) / 1_000_000;
    return plan;
  }

  /** The first 64 bits of a {@code sha256:<hex>} text hash: collisions are negligible at archive sizes. */
  private static long key(String sha) {
    String hex = sha.startsWith("sha256:") ? sha.substring(7) : sha;
    return Long.parseUnsignedLong(hex.substring(0, 16), 16);
  }

  boolean dropped(long versionId) {
    return dropped.contains(versionId);
  }

  Long cluster(long versionId) {
    return clusters.get(versionId);
  }

  long exactDuplicates() {
    return exactDuplicates;
  }

  long nearDuplicates() {
    return nearDuplicates;
  }

  long millis() {
    return millis;
  }
}

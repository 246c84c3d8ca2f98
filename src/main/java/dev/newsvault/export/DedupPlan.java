package dev.newsvault.export;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ExportQuery;
import dev.newsvault.archive.ExportRow;
import dev.newsvault.archive.ExportSelection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Which versions an export skips and which carry a near-duplicate cluster id, in archive order. Exact duplicates
 * (same text_sha256) keep the earliest. Near-duplicates are versions of different articles whose SimHash
 * fingerprints are at most {@code bits} apart; a version joins the cluster of the earliest such version (single
 * link), and the cluster id is the archive id of that earliest version. Only 64-bit hashes and fingerprints are
 * held, never texts.
 *
 * <p>Whether a version is dropped depends only on the versions before it, so when the export writes the selection
 * from its first version and marks no clusters, the plan is decided {@link #streaming row by row} as the export
 * reads its rows. Otherwise it is {@link #build built} in a first pass over the selection before anything is
 * written: a checkpointed export must weigh the versions it exported earlier, and {@code --near-dups mark} gives
 * the earliest version of a cluster its id only when a later one joins it.
 */
final class DedupPlan {

  private final LongHashSet dropped = new LongHashSet();
  private final Map<Long, Long> clusters = new HashMap<>();
  private final LongHashSet texts = new LongHashSet();
  private final NearDupMode mode;
  private final SimHashIndex index;
  private final boolean streaming;
  private long[] clusterOfDoc;
  private long exactDuplicates;
  private long nearDuplicates;
  private long nanos;

  private DedupPlan(NearDupMode mode, int bits, boolean streaming) {
    this.mode = mode;
    this.streaming = streaming;
    boolean near = mode != NearDupMode.KEEP;
    this.index = near ? new SimHashIndex(bits) : null;
    this.clusterOfDoc = new long[near ? 1024 : 0];
  }

  /** A plan decided in a first pass over the selection up to {@code upTo}. */
  static DedupPlan build(ExportQuery query, ExportSelection sel, long upTo, NearDupMode mode, int bits,
      ExportProgress progress) throws ArchiveException {
    long start = System.nanoTime();
    DedupPlan plan = new DedupPlan(mode, bits, false);
    progress.phase("de-duplicating", -1);
    try (ExportQuery.Cursor<ExportQuery.TextKey> c = query.textKeys(sel, upTo, mode != NearDupMode.KEEP)) {
      long seen = 0;
      for (ExportQuery.TextKey k = c.next(); k != null; k = c.next()) {
        progress.advance(++seen);
        plan.decide(k.versionId(), k.articleId(), k.textSha256(), k::fingerprint);
      }
    } catch (java.io.IOException e) {
      throw e instanceof ArchiveException a ? a : new ArchiveException(e.getMessage(), e);
    }
    plan.nanos = System.nanoTime() - start;
    return plan;
  }

  /**
   * A plan decided by {@link #drops} as the export reads its rows, which must be the whole selection in archive
   * order; not for {@link NearDupMode#MARK}.
   */
  static DedupPlan streaming(NearDupMode mode, int bits) {
    if (mode == NearDupMode.MARK) {
      throw new IllegalArgumentException("marking clusters needs the plan built before the export writes");
    }
    return new DedupPlan(mode, bits, true);
  }

  /** Whether the export skips this row; a streaming plan decides it here, from the rows before it. */
  boolean drops(ExportRow row) {
    if (streaming) {
      long start = System.nanoTime();
      decide(row.versionId(), row.articleId(), row.textSha256(), row::fingerprint);
      nanos += System.nanoTime() - start;
    }
    return dropped(row.versionId());
  }

  private void decide(long versionId, long articleId, String textSha256, LongSupplier fingerprint) {
    if (!texts.add(key(textSha256))) {
      dropped.add(versionId);
      exactDuplicates++;
      return;
    }
    if (index == null) {
      return;
    }
    long sig = fingerprint.getAsLong();
    int match = index.nearest(sig, articleId);
    int doc = index.add(sig, articleId);
    if (doc == clusterOfDoc.length) {
      clusterOfDoc = Arrays.copyOf(clusterOfDoc, doc * 2);
    }
    if (match < 0) {
      clusterOfDoc[doc] = versionId;
      return;
    }
    long cluster = clusterOfDoc[match];
    clusterOfDoc[doc] = cluster;
    nearDuplicates++;
    if (mode == NearDupMode.DROP) {
      dropped.add(versionId);
    } else {
      clusters.put(cluster, cluster);
      clusters.put(versionId, cluster);
    }
  }

  /** The first 64 bits of a {@code sha256:<hex>} text hash: collisions are negligible at archive sizes. */
  private static long key(String sha) {
    String hex = sha.startsWith("sha256:") ? sha.substring(7) : sha;
    return Long.parseUnsignedLong(hex.substring(0, 16), 16);
  }

  /** Whether a version was dropped; with a streaming plan, only versions already read are decided. */
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
    return nanos / 1_000_000;
  }
}

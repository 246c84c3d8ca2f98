package dev.newsvault.export;

import dev.newsvault.archive.SimHash;
import java.util.Arrays;

/**
 * Finds an earlier fingerprint within {@code k} bits of a new one without comparing against all of them:
 * the 64 bits are cut into k+1 bands, and two fingerprints at most k bits apart agree exactly on at least one
 * band (pigeonhole), so only fingerprints sharing a band value are compared. Holds per article its
 * fingerprint, its article id and an entry per band, all in primitive arrays.
 */
final class SimHashIndex {

  private final int k;
  private final int[] bandStart;
  private final int[] bandWidth;
  private long[] sigs = new long[1024];
  private long[] articles = new long[1024];
  private int docs;
  // band key -> first entry; entries chain through next[]
  private long[] keys = new long[4096];
  private int[] heads = new int[4096];
  private int used;
  private int[] entryDoc = new int[4096];
  private int[] entryNext = new int[4096];
  private int entries;

  SimHashIndex(int k) {
    if (k < 0 || k > 16) {
      throw new IllegalArgumentException("near-dup threshold must be 0 to 16 bits, not " + k);
    }
    this.k = k;
    int bands = k + 1;
    bandStart = new int[bands];
    bandWidth = new int[bands];
    int start = 0;
    for (int b = 0; b < bands; b++) {
      bandWidth[b] = 64 / bands + (b < 64 % bands ? 1 : 0);
      bandStart[b] = start;
      start += bandWidth[b];
    }
    Arrays.fill(heads, -1);
  }

  /**
   * The earliest indexed document of another article within k bits of {@code sig}, or -1. Documents are
   * numbered in the order they were added.
   */
  int nearest(long sig, long articleId) {
    int best = -1;
    for (int b = 0; b < bandStart.length; b++) {
      int slot = find(key(b, sig));
      if (heads[slot] < 0) {
        continue;
      }
      for (int e = heads[slot]; e >= 0; e = entryNext[e]) {
        int d = entryDoc[e];
        // the distance first: it rules out nearly every candidate, so articles[] is seldom read
        if (SimHash.distance(sigs[d], sig) <= k) {
          if ((best < 0 || d < best) && articles[d] != articleId) {
            best = d;
          }
        }
      }
    }
    return best;
  }

  /** Adds a fingerprint; returns its document number. */
  int add(long sig, long articleId) {
    if (docs == sigs.length) {
      sigs = Arrays.copyOf(sigs, docs * 2);
      articles = Arrays.copyOf(articles, docs * 2);
    }
    int d = docs++;
    sigs[d] = sig;
    articles[d] = articleId;
    for (int b = 0; b < bandStart.length; b++) {
      if ((used + 1) * 2 > keys.length) {
        rehash();
      }
      long key = key(b, sig);
      int slot = find(key);
      if (heads[slot] < 0) {
        keys[slot] = key;
        used++;
      }
      if (entries == entryDoc.length) {
        entryDoc = Arrays.copyOf(entryDoc, entries * 2);
        entryNext = Arrays.copyOf(entryNext, entries * 2);
      }
      entryDoc[entries] = d;
      entryNext[entries] = heads[slot];
      heads[slot] = entries++;
    }
    return d;
  }

  int size() {
    return docs;
  }

  private long key(int band, long sig) {
    long value = bandWidth[band] == 64 ? sig : (sig >>> bandStart[band]) & ((1L << bandWidth[band]) - 1);
    return SimHash.mix(value + band * 0x9E3779B97F4A7C15L);
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int i = (int) key & mask;
    while (heads[i] >= 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    keys = new long[oldKeys.length * 2];
    heads = new int[oldKeys.length * 2];
    Arrays.fill(heads, -1);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] >= 0) {
        int slot = find(oldKeys[i]);
        keys[slot] = oldKeys[i];
        heads[slot] = oldHeads[i];
      }
    }
  }
}

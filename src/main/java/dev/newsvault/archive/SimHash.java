package dev.newsvault.archive;

import java.util.Locale;

/**
 * 64-bit SimHash (Charikar) over word 3-shingles of the normalized, lower-cased text. Two texts that share
 * most of their shingles get fingerprints a few bits apart; 8 bytes per article is all de-duplication keeps.
 * Computed once, when a version is archived ({@code article_version.simhash}); exports read it from there.
 */
public final class SimHash {

  /** Words per shingle: 3 keeps word order without making one changed word spoil too many features. */
  static final int SHINGLE = 3;

  private SimHash() {}

  public static long of(String text) {
    long[] words = wordHashes(ContentHash.normalize(text).toLowerCase(Locale.ROOT));
    int n = words.length;
    if (n == 0) {
      return 0;
    }
    int[] votes = new int[64];
    if (n < SHINGLE) {
      for (long w : words) {
        vote(votes, mix(w));
      }
    } else {
      for (int i = 0; i + SHINGLE <= n; i++) {
        vote(votes, mix(words[i] ^ Long.rotateLeft(words[i + 1], 21) ^ Long.rotateLeft(words[i + 2], 42)));
      }
    }
    long sig = 0;
    for (int b = 0; b < 64; b++) {
      if (votes[b] > 0) {
        sig |= 1L << b;
      }
    }
    return sig;
  }

  /** How many bits two fingerprints differ in. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static void vote(int[] votes, long h) {
    for (int b = 0; b < 64; b++) {
      votes[b] += ((h >>> b) & 1) != 0 ? 1 : -1;
    }
  }

  private static long[] wordHashes(String s) {
    long[] out = new long[Math.max(16, s.length() / 5)];
    int n = 0;
    long h = 0;
    boolean in = false;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        h = in ? (h ^ c) * 0x100000001b3L : (0xcbf29ce484222325L ^ c) * 0x100000001b3L;
        in = true;
      } else if (in) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
        }
        out[n++] = h;
        in = false;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** splitmix64's finalizer: spreads FNV's weak low bits over all 64 (also the export's hash sets use it). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

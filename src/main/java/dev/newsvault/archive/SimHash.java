package dev.newsvault.archive;

import dev.newsvault.extract.Chars;
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
    return ofNormalized(ContentHash.normalize(text));
  }

  /** As {@link #of}, for text that has been through {@link ContentHash#normalize} already. */
  static long ofNormalized(String normalized) {
    long[] words = lowerCaseWordHashes(normalized);
    int n = words.length;
    if (n == 0) {
      return 0;
    }
    Votes votes = new Votes();
    if (n < SHINGLE) {
      for (long w : words) {
        votes.add(mix(w));
      }
    } else {
      for (int i = 0; i + SHINGLE <= n; i++) {
        votes.add(mix(words[i] ^ Long.rotateLeft(words[i + 1], 21) ^ Long.rotateLeft(words[i + 2], 42)));
      }
    }
    return votes.signature();
  }

  /** How many bits two fingerprints differ in. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /**
   * Per bit of 64, how many features set it: a feature votes +1 where its bit is set and -1 where not, so a
   * bit of the signature is set when more than half of the features set it. Counted eight bits at a time in
   * the bytes of a long (bit j + 8k in byte k of {@code lanes[j]}), emptied before a byte can overflow: eight
   * additions a feature instead of 64.
   */
  private static final class Votes {
    private static final long LOW_BITS = 0x0101010101010101L;
    private final long[] lanes = new long[8];
    private final int[] ones = new int[64];
    private int inLanes;
    private int features;

    void add(long h) {
      for (int j = 0; j < 8; j++) {
        lanes[j] += (h >>> j) & LOW_BITS;
      }
      features++;
      if (++inLanes == 255) {
        drain();
      }
    }

    private void drain() {
      for (int j = 0; j < 8; j++) {
        long l = lanes[j];
        for (int k = 0; k < 8; k++) {
          ones[8 * k + j] += (int) ((l >>> (8 * k)) & 0xFF);
        }
        lanes[j] = 0;
      }
      inLanes = 0;
    }

    long signature() {
      drain();
      long sig = 0;
      for (int b = 0; b < 64; b++) {
        if (2 * ones[b] > features) { // ones - (features - ones) > 0
          sig |= 1L << b;
        }
      }
      return sig;
    }
  }

  /**
   * The hashes of the words of {@code s.toLowerCase(Locale.ROOT)}, lower-cased as they are hashed: a text holds
   * no surrogate, capital sigma or dotted capital I (nearly every text), whose lower case depends on more than
   * the character itself, so each character's own lower case is the string's. Any other text is lower-cased whole.
   */
  static long[] lowerCaseWordHashes(String s) {
    long[] words = hashWords(s, true);
    return words != null ? words : wordHashes(s.toLowerCase(Locale.ROOT));
  }

  /** The FNV-1a hashes of the words (runs of letters or digits) of {@code s}, as they stand. */
  static long[] wordHashes(String s) {
    return hashWords(s, false);
  }

  /** The word hashes, each character lower-cased first if asked; null if one cannot be lower-cased alone. */
  private static long[] hashWords(String s, boolean lowerCase) {
    int length = s.length();
    char[] chars = new char[length];
    s.getChars(0, length, chars, 0);
    long[] out = new long[Math.max(16, length / 5)];
    int n = 0;
    long h = 0;
    boolean in = false;
    for (int i = 0; i <= length; i++) {
      char c = i < length ? chars[i] : ' ';
      if (lowerCase) {
        if (c < 0x80) {
          c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        } else if (Character.isSurrogate(c) || c == '\u03A3' || c == '\u0130') {
          return null;
        } else {
          c = Character.toLowerCase(c);
        }
      }
      if (Chars.isLetterOrDigit(c)) {
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

package dev.newsvault.extract;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 bytes to the same string as {@code new String(bytes, UTF_8)}, faster on web pages.
 * The JDK's decoders copy ASCII in bulk only while all that is left is ASCII: from the first other
 * byte on (a curly quote in a page's title, say) they go one byte at a time, markup and all. Here the
 * JDK's streaming decoder is called on each long run of ASCII bytes alone (the runs are found eight
 * bytes at a time) and on each stretch between them, so almost all of a page is copied in bulk. The
 * input is one buffer and the decoder keeps its state between calls, so the result is the decoder's
 * on the whole input; a run of ASCII cannot fall inside a UTF-8 sequence in any case.
 */
final class Utf8Decoder {

  /** ASCII runs shorter than this are not worth a call of their own. */
  static final int MIN_ASCII_RUN = 64;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8Decoder() {}

  static String decode(byte[] bytes) {
    int n = bytes.length;
    int firstOther = nextNonAscii(bytes, 0);
    if (firstOther == n) {
      return new String(bytes, StandardCharsets.ISO_8859_1); // ASCII: the same characters, copied
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(n); // UTF-8 never has fewer bytes than UTF-16 has chars
    // The decoder copies its input in bulk only when all of it is ASCII, so each long ASCII run gets
    // a call of its own, and the stretches between the runs go byte by byte.
    in.limit(firstOther);
    decoder.decode(in, out, false);
    int i = firstOther;
    while (i < n) {
      int runStart = nextAscii(bytes, i);
      int runEnd = nextNonAscii(bytes, runStart);
      if (runEnd - runStart >= MIN_ASCII_RUN) {
        in.limit(runStart);
        decoder.decode(in, out, false);
        in.limit(runEnd);
        decoder.decode(in, out, false);
      }
      i = runEnd;
    }
    in.limit(n);
    decoder.decode(in, out, true);
    decoder.flush(out);
    return new String(out.array(), 0, out.position());
  }

  /** The index of the first byte at or after {@code from} with its high bit set, or the length. */
  static int nextNonAscii(byte[] b, int from) {
    int i = from;
    for (; i + 8 <= b.length; i += 8) {
      long word = (long) LONGS.get(b, i);
      if ((word & HIGH_BITS) != 0) {
        return i + Long.numberOfTrailingZeros(word & HIGH_BITS) / 8;
      }
    }
    for (; i < b.length; i++) {
      if (b[i] < 0) {
        return i;
      }
    }
    return b.length;
  }

  /** The index of the first ASCII byte at or after {@code from}, or the length. */
  static int nextAscii(byte[] b, int from) {
    int i = from;
    while (i < b.length && b[i] < 0) {
      i++;
    }
    return i;
  }
}

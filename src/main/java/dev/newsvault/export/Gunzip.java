package dev.newsvault.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Decompresses the archive's stored pages for the WARC export, one thread's worth. The archive writes each page as
 * one plain gzip member, so its trailer gives the page's length: one reused inflater fills an array of exactly that
 * size in one call, where {@link GZIPInputStream} reads 512 bytes at a time into growing buffers. Anything else
 * (header fields, several members) goes through {@link GZIPInputStream}, and a wrong CRC fails as it would there.
 */
final class Gunzip implements AutoCloseable {

  private static final int PLAIN_HEADER = 10;
  /** Deflate expands at most about 1032 to 1. */
  private static final int MAX_RATIO = 1032;

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();

  byte[] inflate(byte[] gz) throws IOException {
    if (gz.length < PLAIN_HEADER + 8 || (gz[0] & 0xFF) != 0x1f || (gz[1] & 0xFF) != 0x8b || gz[2] != 8
        || gz[3] != 0) {
      return general(gz);
    }
    int size = littleEndian(gz, gz.length - 4);
    if (size < 0 || size > (long) gz.length * MAX_RATIO) {
      return general(gz); // not a length this member can hold: a damaged trailer must not size the array
    }
    byte[] out = new byte[size];
    inflater.reset();
    inflater.setInput(gz, PLAIN_HEADER, gz.length - PLAIN_HEADER - 8);
    int n = 0;
    try {
      while (n < size) {
        int k = inflater.inflate(out, n, size - n);
        if (k == 0) {
          break; // the stream ended or needs what it does not have: the checks below decide
        }
        n += k;
      }
      if (n == size && !inflater.finished()) {
        inflater.inflate(out, n, 0); // an empty page, or the end-of-stream block after the last byte
      }
    } catch (DataFormatException e) {
      throw new IOException("not valid gzip: " + e.getMessage(), e);
    }
    if (n != size || !inflater.finished() || inflater.getRemaining() != 0) {
      return general(gz); // another member follows, or the trailer's length is not this member's
    }
    crc.reset();
    crc.update(out);
    if ((int) crc.getValue() != littleEndian(gz, gz.length - 8)) {
      throw new IOException("gzip CRC check failed");
    }
    return out;
  }

  private static byte[] general(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
      return in.readAllBytes();
    }
  }

  private static int littleEndian(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
  }

  @Override
  public void close() {
    inflater.end();
  }
}

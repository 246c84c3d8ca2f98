package dev.newsvault.warc;

import dev.newsvault.archive.ArchiveException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads a WARC file record by record with jwarc and steps over what it cannot parse: after a malformed record
 * it looks for the next record start (a gzip member header in a compressed file, a {@code WARC/1.} line in a
 * plain one) and goes on from there, so one damaged record costs that record only. Any seekable channel will do:
 * a local file here, a Hadoop file system stream in the Spark job.
 */
public final class WarcRecords {

  /** What is done with each record. */
  public interface Visitor {
    /** One parsed record at {@code offset}; archive failures end the file, anything else marks it malformed. */
    void record(WarcRecord record, long offset) throws IOException;

    void malformed(long offset, String problem);
  }

  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};
  private static final byte[] WARC_LINE = "\nWARC/1.".getBytes(StandardCharsets.US_ASCII);

  private WarcRecords() {}

  static void read(Path file, Visitor visitor) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      read(ch, visitor);
    }
  }

  /** Reads every record of {@code ch} from its start; the caller closes it. */
  public static void read(SeekableByteChannel ch, Visitor visitor) throws IOException {
    long size = ch.size();
    boolean gzip = startsWith(ch, 0, GZIP_MAGIC);
    long start = 0;
    while (start >= 0 && start < size) {
      ch.position(start);
      long last = -1;
      boolean inRecord = false;
      try {
        // jwarc closes the channel when its reader is closed: the reader is dropped, not closed, on resync.
        WarcReader reader = new WarcReader(ch);
        for (Optional<WarcRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
          last = reader.position();
          inRecord = true;
          visitor.record(r.get(), last);
          inRecord = false;
        }
        return;
      } catch (ArchiveException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // The failing record starts at the last good one (when visiting it failed) or after it.
        long failed = inRecord ? last : last < 0 ? start : next(ch, last + 1, gzip);
        visitor.malformed(failed < 0 ? start : failed, message(e));
        start = failed < 0 ? -1 : next(ch, failed + 1, gzip);
      }
    }
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** The offset of the next record start at or after {@code from}, or -1. */
  private static long next(SeekableByteChannel ch, long from, boolean gzip) throws IOException {
    byte[] pattern = gzip ? GZIP_MAGIC : WARC_LINE;
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    long pos = Math.max(0, gzip ? from : from - 1);
    long size = ch.size();
    while (pos < size) {
      buf.clear();
      int n = readAt(ch, buf, pos);
      if (n <= 0) {
        return -1;
      }
      byte[] a = buf.array();
      for (int i = 0; i + pattern.length <= n; i++) {
        if (matches(a, i, pattern)) {
          return gzip ? pos + i : pos + i + 1;
        }
      }
      if (pos + n >= size) {
        return -1;
      }
      pos += n - pattern.length + 1;
    }
    return -1;
  }

  private static boolean matches(byte[] a, int i, byte[] p) {
    for (int j = 0; j < p.length; j++) {
      if (a[i + j] != p[j]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(SeekableByteChannel ch, long at, byte[] p) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(p.length);
    int n = readAt(ch, b, at);
    return n == p.length && matches(b.array(), 0, p);
  }

  /** Fills {@code buf} from {@code at} as far as the channel goes; the bytes read, or -1 at the end. */
  private static int readAt(SeekableByteChannel ch, ByteBuffer buf, long at) throws IOException {
    ch.position(at);
    int total = 0;
    while (buf.hasRemaining()) {
      int n = ch.read(buf);
      if (n < 0) {
        return total == 0 ? -1 : total;
      }
      total += n;
    }
    return total;
  }
}

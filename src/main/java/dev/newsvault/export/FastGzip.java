package dev.newsvault.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The export's gzip: zlib's fastest level, on a thread of its own. Compression was most of an export's CPU (the
 * default level took about three times the CPU of writing the records; jwarc writes WARC records at level 9);
 * the fastest level costs a sixth of the default's CPU for files about a quarter larger, and on a second core it
 * overlaps with reading and writing the records, so an export keeps up with the disk. A WARC file's records are
 * independent gzip members, so two threads compress them side by side and one writes them in order: compression,
 * still the largest single cost of a WARC export, is no longer one thread's work. Recompress a file with
 * {@code gzip -9} to keep it small for the long term.
 */
final class FastGzip extends OutputStream {

  static final int LEVEL = Deflater.BEST_SPEED;
  /** Threads compressing WARC records side by side: two, for the two cores a small machine has. */
  private static final int MEMBER_THREADS = 2;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  /** What the writing thread does with each block, in order, and at the end. */
  private interface Sink {
    void block(byte[] b) throws IOException;

    void end() throws IOException;
  }

  /** Writes the blocks (compressed on its own thread, or by the compressors) in the order they were handed over. */
  private final ExportWorker<Future<byte[]>> writer;
  private final boolean members;
  /** With members, compresses each record's block into a whole gzip member; the thread writes them in order. */
  private final ExecutorService compressors;
  private final BlockingQueue<Deflater> deflaters = new ArrayBlockingQueue<>(MEMBER_THREADS);
  private byte[] buf = new byte[1 << 16];
  private int count;
  private boolean closed;

  private FastGzip(Sink sink, boolean members) {
    this.members = members;
    if (members) {
      AtomicInteger n = new AtomicInteger();
      this.compressors = Executors.newFixedThreadPool(MEMBER_THREADS, r -> {
        Thread t = new Thread(r, "export-gzip-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      for (int i = 0; i < MEMBER_THREADS; i++) {
        deflaters.add(new Deflater(LEVEL, true));
      }
    } else {
      this.compressors = null;
    }
    this.writer = new ExportWorker<>("export-gzip", 16, new ExportWorker.Work<>() {
      @Override
      public void accept(Future<byte[]> block) throws IOException {
        sink.block(compressed(block));
      }

      @Override
      public void end() throws IOException {
        sink.end();
      }
    });
  }

  /** The block as the sink takes it: a whole gzip member from a compressing thread (waited for), or as handed. */
  private static byte[] compressed(Future<byte[]> block) throws IOException {
    try {
      return block.get();
    } catch (ExecutionException e) {
      throw new IOException("could not compress the export: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing the export");
    }
  }

  /** One gzip stream over {@code out}, which closing it closes. */
  static FastGzip stream(OutputStream out) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(LEVEL);
      }
    };
    return new FastGzip(new Sink() {
      @Override
      public void block(byte[] b) throws IOException {
        gz.write(b);
      }

      @Override
      public void end() throws IOException {
        gz.close(); // and the file under it, as closing a GZIPOutputStream always did
      }
    }, false);
  }

  /**
   * A gzip member for each block ended by {@link #endMember()}: a WARC file's records, each its own member as the
   * WARC standard asks, so that readers can seek to any record. One deflater for all; {@code out} stays open.
   */
  static FastGzip members(OutputStream out) {
    return new FastGzip(new Sink() {
      @Override
      public void block(byte[] member) throws IOException {
        out.write(member);
      }

      @Override
      public void end() {}
    }, true);
  }

  /** One whole gzip member holding {@code b}, on one of the compressing threads with a deflater of their own. */
  private byte[] member(byte[] b) throws InterruptedException {
    Deflater deflater = deflaters.take();
    try {
      CRC32 crc = new CRC32();
      crc.update(b);
      deflater.reset();
      deflater.setInput(b);
      deflater.finish();
      ByteArrayOutputStream member = new ByteArrayOutputStream(b.length / 3 + 64);
      member.writeBytes(HEADER);
      byte[] chunk = new byte[Math.min(1 << 16, b.length + 64)];
      while (!deflater.finished()) {
        member.write(chunk, 0, deflater.deflate(chunk));
      }
      int v = (int) crc.getValue();
      member.writeBytes(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24),
          (byte) b.length, (byte) (b.length >>> 8), (byte) (b.length >>> 16), (byte) (b.length >>> 24)});
      return member.toByteArray();
    } finally {
      deflaters.add(deflater);
    }
  }

  @Override
  public void write(int b) throws IOException {
    if (count == buf.length) {
      grow();
    }
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (count + len > buf.length) {
      grow();
    }
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  /** A full buffer goes to the compressor, except a WARC record's, which stays one member however long. */
  private void grow() throws IOException {
    if (members) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    } else {
      hand(Arrays.copyOf(buf, count));
    }
  }

  /** Ends one gzip member (members mode): what was written since the last one. */
  void endMember() throws IOException {
    if (count > 0) {
      hand(Arrays.copyOf(buf, count));
    }
  }

  private void hand(byte[] block) throws IOException {
    count = 0;
    put(block);
    if (buf.length > 1 << 20) {
      buf = new byte[1 << 16]; // one long record does not keep its buffer for the rest of the file
    }
  }

  private void put(byte[] block) throws IOException {
    try {
      writer.put(compressors == null ? CompletableFuture.completedFuture(block)
          : compressors.submit(() -> member(block)));
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private static IOException failed(IOException e) {
    return new IOException("cannot write the export: " + e.getMessage(), e);
  }

  /** Stops the compressing thread without finishing the file: the export failed and its output is dropped. */
  void abort() {
    closed = true;
    writer.abort();
    endCompressors();
  }

  /** Hands over what is left, waits for the compressor to finish, and reports its failure if it had one. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (count > 0) {
        hand(Arrays.copyOf(buf, count));
      }
    } finally {
      try {
        writer.finish();
      } catch (IOException e) {
        throw failed(e);
      } finally {
        endCompressors();
      }
    }
  }

  private void endCompressors() {
    if (compressors != null) {
      compressors.shutdownNow();
      // a deflater still out is in a task that was stopped: its memory goes with the JVM's cleaner
      for (Deflater d = deflaters.poll(); d != null; d = deflaters.poll()) {
        d.end();
      }
    }
  }
}

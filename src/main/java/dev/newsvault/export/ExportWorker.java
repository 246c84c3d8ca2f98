package dev.newsvault.export;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One thread behind a bounded queue, doing what the export hands it in the order handed: the WARC records are
 * built on it while the calling thread reads the next rows and pages, so a second core works beside the first and
 * the output is the same as when one thread did both. Its first failure is reported at the next hand-over and at
 * the end; what is handed after that failure is dropped.
 */
final class ExportWorker<T> {

  /** What the thread does with each item, and once at the end. */
  interface Work<T> {
    void accept(T item) throws IOException;

    default void end() throws IOException {}
  }

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private final Work<T> work;
  private volatile Exception failure;
  private boolean ended;

  ExportWorker(String name, int capacity, Work<T> work) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.work = work;
    this.thread = new Thread(this::drain, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Does each item until the end mark; after a failure it keeps taking and dropping them, so that a caller waiting to
   * hand one over, or handing over the end mark, is never left waiting.
   */
  @SuppressWarnings("unchecked")
  private void drain() {
    try {
      for (Object o = queue.take(); o != END; o = queue.take()) {
        if (failure == null) {
          try {
            work.accept((T) o);
          } catch (IOException | RuntimeException e) {
            failure = e;
          }
        }
      }
      if (failure == null) {
        work.end();
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // aborted
    }
  }

  /** Hands one item over, waiting while the queue is full. */
  void put(T item) throws IOException {
    checkFailure();
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the export", e);
    }
  }

  /** Waits until everything handed over is done, then reports the thread's failure if it had one. */
  void finish() throws IOException {
    if (!ended) {
      ended = true;
      try {
        queue.put(END);
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing the export", e);
      }
    }
    checkFailure();
  }

  /** Stops the thread without finishing: the export failed elsewhere and its output is dropped. */
  void abort() {
    ended = true;
    thread.interrupt();
  }

  private void checkFailure() throws IOException {
    Exception f = failure;
    if (f instanceof IOException io) {
      throw io; // as thrown, so that an archive error still reads as one
    }
    if (f != null) {
      throw (RuntimeException) f;
    }
  }
}

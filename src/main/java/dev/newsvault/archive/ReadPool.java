package dev.newsvault.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A few read-only connections to one archive, shared by the threads of a web server. They never take the
 * writer's lock, so a crawl, check or schedule writes while pages are read (SQLite WAL). Each use is one read
 * transaction that ends when the work is done, so every request sees the latest commit: new articles show up
 * without a restart.
 */
public final class ReadPool implements AutoCloseable {

  /** What one read does with a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Up to this much of the archive is memory-mapped; pages are only mapped, not read, until a query needs them. */
  private static final long MMAP_BYTES = 1L << 30;
  /** Each connection's own page cache, in KiB: small, since the memory map holds the pages. */
  private static final int CACHE_KIB = 4096;

  private final Path file;
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();

  private ReadPool(Path file, int size) throws ArchiveException {
    this.file = file;
    this.idle = new ArrayBlockingQueue<>(size);
    try {
      for (int i = 0; i < size; i++) {
        Connection c = Archive.readOnlyConnection(file);
        all.add(c);
        tune(c);
        idle.add(c);
      }
    } catch (ArchiveException e) {
      close();
      throw e;
    }
  }

  /**
   * Settings for a connection that only reads: query_only refuses any write even if one slipped into a query;
   * the archive is read through a memory map (shared by all connections and the OS page cache, so searching a
   * large index does not copy every page into each connection's cache); sorts stay in memory.
   */
  private void tune(Connection c) throws ArchiveException {
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA query_only = 1");
      st.execute("PRAGMA mmap_size = " + MMAP_BYTES);
      st.execute("PRAGMA cache_size = -" + CACHE_KIB);
      st.execute("PRAGMA temp_store = MEMORY");
      c.commit();
    } catch (SQLException e) {
      throw new ArchiveException("archive " + file + ": cannot set up a read connection: " + e.getMessage(), e);
    }
  }

  /** Opens {@code size} read-only connections to the existing archive {@code file}. */
  public static ReadPool open(Path file, int size) throws ArchiveException {
    return new ReadPool(file.toAbsolutePath().normalize(), Math.max(1, size));
  }

  /**
   * Brings an archive written by an older newsvault to this version's schema (which briefly takes the writer's
   * lock); does nothing, and takes no lock, when the schema is already current or the file does not exist.
   */
  public static void upgradeIfOlder(Path file) throws ArchiveException {
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs)) {
      return;
    }
    boolean older;
    try {
      org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
      cfg.setReadOnly(true);
      try (Connection c = cfg.createConnection("jdbc:sqlite:" + abs)) {
        older = Migrations.version(c) < Migrations.latest();
      }
    } catch (SQLException e) {
      throw new ArchiveException("cannot open archive " + abs + ": " + e.getMessage()
          + " (is it a newsvault SQLite file?)", e);
    }
    if (older) {
      Archive.open(abs).close();
    }
  }

  public Path file() {
    return file;
  }

  /** Runs {@code work} in one read transaction on an idle connection; {@code what} names it in errors. */
  <T> T read(String what, Work<T> work) throws ArchiveException {
    Connection c;
    try {
      c = idle.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArchiveException("interrupted while waiting to " + what);
    }
    if (c == null) {
      throw new ArchiveBusyException("archive " + file + ": every connection stayed busy for 30 s; could not " + what);
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new ArchiveException("archive " + file + ": could not " + what + ": " + e.getMessage(), e);
    } finally {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // a read transaction has nothing to lose; the next use starts a fresh one
      }
      idle.add(c);
    }
  }

  @Override
  public void close() {
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing read-only connections cannot lose data
      }
    }
  }
}

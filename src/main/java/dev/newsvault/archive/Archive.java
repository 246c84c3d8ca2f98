package dev.newsvault.archive;

import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import dev.newsvault.render.Rendering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The SQLite archive: one file, one writer process (guarded by a lock file), WAL journal, and writes
 * batched into transactions that commit every {@value #BATCH} writes or every second, whichever is first.
 * All methods are thread-safe; crawler threads share one instance.
 */
public final class Archive implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Archive.class);

  static final int BATCH = 200;
  /** The writing connection's page cache, in KiB. */
  static final int WRITER_CACHE_KIB = 16 * 1024;

  private final Path file;
  private final ArchiveLock lock;
  private final Connection conn;
  private final CaptureStore captures;
  private final ScheduledExecutorService flusher;
  private final boolean readOnly;
  private int pending;
  private boolean closed;

  private Archive(Path file, ArchiveLock lock, Connection conn) {
    this.readOnly = lock == null;
    this.file = file;
    this.lock = lock;
    this.conn = conn;
    this.captures = new CaptureStore(this);
    this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "archive-flush");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * From now on, a page whose text, title or byline differ from its article's current version is first extracted
   * again from that version's stored page with {@code extractor}: when that explains the difference (a newer
   * extractor, the same page), the page is stored as unchanged, with no new version and no notice. Crawls set
   * it, so that an upgrade of newsvault turns no archived article "changed".
   */
  public void judgeUpgradesWith(dev.newsvault.extract.ArticleExtractor extractor) {
    synchronized (this) {
      captures.upgrades(extractor == null ? null : new ArchivedExtraction(this, extractor));
    }
  }

  /** Opens (creating and migrating if needed) the archive at {@code file}, taking its lock. */
  public static Archive open(Path file) throws ArchiveException {
    Path abs = file.toAbsolutePath().normalize();
    try {
      if (abs.getParent() != null) {
        Files.createDirectories(abs.getParent());
      }
    } catch (java.io.IOException e) {
      throw new ArchiveException("cannot create the folder for archive " + abs + ": " + e.getMessage(), e);
    }
    ArchiveLock lock = ArchiveLock.acquire(abs);
    Connection c = null;
    try {
      org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
      // The driver reads back the row id after every INSERT by compiling a query anew (5 a crawled page);
      // the write path reads the ones it needs with one kept statement (Statements.lastRowId).
      cfg.setGetGeneratedKeys(false);
      c = cfg.createConnection("jdbc:sqlite:" + abs);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=10000");
        // The writer's page cache: SQLite's default of 2 MiB is smaller than what one batch of pages dirties (text,
        // search index, raw pages), so pages were spilled to the WAL and read back within a batch. 16 MiB halves
        // the reads and cuts the writes of a crawl by a third.
        st.execute("PRAGMA cache_size=-" + WRITER_CACHE_KIB);
      }
      Migrations.apply(c);
      markCrashed(c, abs);
      c.setAutoCommit(false);
      return new Archive(abs, lock, c);
    } catch (SQLException e) {
      closeQuietly(c);
      lock.close();
      throw new ArchiveException("cannot open archive " + abs + ": " + e.getMessage()
          + " (is it a newsvault SQLite file? move it aside to start a new archive)", e);
    } catch (ArchiveException e) {
      closeQuietly(c);
      lock.close();
      throw e;
    }
  }

  /**
   * Opens the archive like {@link #open}, but only in a folder that exists: a mistyped {@code --db} path must
   * not silently start a new archive somewhere else.
   */
  public static Archive openInExistingFolder(Path file) throws ArchiveException {
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new ArchiveException("the folder for archive " + file + " does not exist (" + parent + "); check the"
          + " path for a typo, or create the folder first (mkdir -p " + parent + ")");
    }
    return open(file);
  }

  /**
   * Marks runs still {@code running} as {@code crashed}: this process holds the archive's lock, and a run
   * records its end before its process lets the lock go, so a running run now belongs to a process that died
   * without ending it (kill -9, power loss, out of memory). An interrupted crawl's frontier is kept either
   * way, so the next crawl resumes it.
   */
  private static void markCrashed(Connection c, Path abs) throws SQLException {
    int runs;
    try (Statement st = c.createStatement()) {
      runs = st.executeUpdate("UPDATE crawl_run SET status='crashed' WHERE status='running'");
      st.executeUpdate("UPDATE schedule_state SET last_outcome='crashed', last_summary='the process ended without"
          + " recording how this run ended (killed?); the next run picks up what it left'"
          + " WHERE last_outcome='running'");
    }
    if (runs > 0) {
      LOG.warn("{}: {} earlier run(s) were still marked running; their process ended without finishing them"
          + " (killed?), so they are now marked crashed", abs.getFileName(), runs);
    }
  }

  /**
   * Opens an existing archive for reading only, without taking the writer's lock: reading works while a
   * crawl writes (SQLite WAL readers see the last committed state).
   */
  public static Archive openReadOnly(Path file) throws ArchiveException {
    Path abs = file.toAbsolutePath().normalize();
    return new Archive(abs, null, readOnlyConnection(abs));
  }

  /**
   * A read-only connection to the archive at {@code abs} (absolute), with a clear error when there is none,
   * it is not a newsvault archive, or its schema is older than this version's.
   */
  static Connection readOnlyConnection(Path abs) throws ArchiveException {
    if (!Files.isRegularFile(abs)) {
      throw new ArchiveException("no archive at " + abs + "; run './newsvault crawl' (or './newsvault demo') first,"
          + " or name another one with --db FILE");
    }
    Connection c = null;
    try {
      org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
      cfg.setReadOnly(true);
      cfg.setBusyTimeout(10000);
      c = cfg.createConnection("jdbc:sqlite:" + abs);
      int version = Migrations.version(c);
      if (version > Migrations.latest()) {
        throw new ArchiveException("archive " + abs + " has schema version " + version + ", newer than this"
            + " newsvault knows (" + Migrations.latest() + "); it was written by a newer newsvault: read it with that"
            + " version (or a newer one)");
      }
      if (version < Migrations.latest()) {
        throw new ArchiveException("archive " + abs + " has an older schema; open it once with a writing command"
            + " (e.g. './newsvault crawl') to upgrade it");
      }
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new ArchiveException("cannot open archive " + abs + ": " + e.getMessage()
          + " (is it a newsvault SQLite file?)", e);
    } catch (ArchiveException e) {
      closeQuietly(c);
      throw e;
    }
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  public Path file() {
    return file;
  }

  /** Starts a run of the given kind (crawl, check, schedule, …) and returns its id. */
  public synchronized long startRun(String kind, String description) throws ArchiveException {
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO crawl_run(kind, description, started_at) VALUES (?,?,?)")) {
      ps.setString(1, kind);
      ps.setString(2, description);
      ps.setString(3, Timestamps.stored(Instant.now()));
      ps.executeUpdate();
      long id = captures.statements().lastRowId();
      commit();
      return id;
    } catch (SQLException e) {
      throw fail("start a run", e);
    }
  }

  /** Closes a run with its final status and counts, and commits everything written so far. */
  public synchronized void finishRun(long runId, RunSummary s) throws ArchiveException {
    try (PreparedStatement ps = conn.prepareStatement("UPDATE crawl_run SET finished_at=?, status=?, fetched=?,"
        + " archived=?, skipped=?, failed=? WHERE id=?")) {
      ps.setString(1, Timestamps.stored(Instant.now()));
      ps.setString(2, s.status());
      ps.setLong(3, s.fetched());
      ps.setLong(4, s.archived());
      ps.setLong(5, s.skipped());
      ps.setLong(6, s.failed());
      ps.setLong(7, runId);
      ps.executeUpdate();
      commit();
    } catch (SQLException e) {
      throw fail("finish run " + runId, e);
    }
  }

  /**
   * Records one fetch: the fetch row, its raw page (once per distinct body) and, when {@code article} has
   * text, the article and a new version if its text, title or byline differ from the current one.
   * Idempotent for the same URL and content.
   */
  public synchronized StoreResult store(long runId, Capture capture, Article article) throws ArchiveException {
    try {
      StoreResult r = captures.store(runId, capture, article);
      wrote();
      return r;
    } catch (SQLException e) {
      throw fail("store " + capture.url(), e);
    }
  }

  /** {@link #store} with the hashes and gzip computed beforehand, inside the caller's transaction unit. */
  StoreResult store(long runId, Capture capture, Article article, CaptureDigests d) throws SQLException {
    return captures.store(runId, capture, article, d);
  }

  /**
   * Records one crawled fetch as {@link #store} does and marks its URL (and the URL it redirected to) done,
   * in the same transaction: a process killed at any moment leaves either both or neither, so a resumed crawl
   * neither loses the page nor records it twice.
   */
  public synchronized StoreResult storeDone(long runId, Capture capture, Article article) throws ArchiveException {
    try {
      StoreResult r = captures.store(runId, capture, article);
      done(capture.url());
      if (!capture.finalUrl().equals(capture.url())) {
        done(capture.finalUrl());
      }
      wrote();
      return r;
    } catch (SQLException e) {
      throw fail("store " + capture.url(), e);
    }
  }

  /**
   * As {@link #storeDone(long, Capture, Article)}, for a page also loaded in the browser: its rendered DOM is
   * kept beside the raw response and, when the page made a new article version, that version's screenshot,
   * all in the same transaction.
   *
   * @param forText whether the article was extracted from the rendered DOM (false: rendered for the picture)
   */
  public synchronized StoreResult storeDone(long runId, Capture capture, Article article, Rendering rendering,
      boolean forText) throws ArchiveException {
    return withRendering(storeDone(runId, capture, article), capture, rendering, forText);
  }

  /** As {@link #store(long, Capture, Article)}, keeping the page's rendering as the crawl's storeDone does. */
  public synchronized StoreResult store(long runId, Capture capture, Article article, Rendering rendering,
      boolean forText) throws ArchiveException {
    return withRendering(store(runId, capture, article), capture, rendering, forText);
  }

  private StoreResult withRendering(StoreResult r, Capture capture, Rendering rendering, boolean forText)
      throws ArchiveException {
    if (rendering != null && r.fetchId() > 0) {
      try {
        RenderStore.store(captures.statements(), r, rendering, forText);
        wrote();
      } catch (SQLException e) {
        throw fail("store the rendering of " + capture.url(), e);
      }
    }
    return r;
  }

  /** Notes that the crawl found {@code url}; the first discovery wins, later ones change nothing. */
  public synchronized void discovered(String url, int depth, String seed, long runId) throws ArchiveException {
    try {
      PreparedStatement ps = captures.statements().get(
          "INSERT OR IGNORE INTO frontier(url, seed, depth, discovered_at, run_id) VALUES (?,?,?,?,?)");
      ps.setString(1, url);
      ps.setString(2, seed);
      ps.setInt(3, depth);
      ps.setString(4, Timestamps.stored(Instant.now()));
      ps.setLong(5, runId);
      ps.executeUpdate();
      wrote();
    } catch (SQLException e) {
      throw fail("record discovered URL " + url, e);
    }
  }

  /** Notes that {@code url} was fetched (whatever the outcome), so a resumed crawl does not fetch it again. */
  public synchronized void markDone(String url) throws ArchiveException {
    try {
      done(url);
      wrote();
    } catch (SQLException e) {
      throw fail("mark " + url + " done", e);
    }
  }

  private void done(String url) throws SQLException {
    PreparedStatement ps = captures.statements().get("UPDATE frontier SET state='done' WHERE url=?");
    ps.setString(1, url);
    ps.executeUpdate();
  }

  /** URLs discovered but not yet fetched: what a resumed crawl must still visit. */
  public synchronized List<FrontierEntry> queued() throws ArchiveException {
    List<FrontierEntry> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT url, seed, depth FROM frontier WHERE state='queued' ORDER BY depth, rowid")) {
      while (rs.next()) {
        out.add(new FrontierEntry(rs.getString(1), rs.getString(2), rs.getInt(3)));
      }
      return out;
    } catch (SQLException e) {
      throw fail("read the frontier", e);
    }
  }

  /** Forgets the frontier, for a crawl that starts over instead of resuming. Archived pages stay. */
  public synchronized void clearFrontier() throws ArchiveException {
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("DELETE FROM frontier");
      commit();
    } catch (SQLException e) {
      throw fail("clear the frontier", e);
    }
  }

  /** Commits all batched writes now. */
  public synchronized void flush() throws ArchiveException {
    try {
      commit();
    } catch (SQLException e) {
      throw fail("commit", e);
    }
  }

  /** A reader over this archive's connection (single-threaded use). */
  public ArchiveReader reader() {
    return new ArchiveReader(this);
  }

  /** The connection; for classes of this package only, always used while holding this archive's monitor. */
  Connection connection() {
    return conn;
  }

  void wrote() throws SQLException {
    if (++pending >= BATCH) {
      commit();
    }
  }

  private void commit() throws SQLException {
    if (!closed) {
      conn.commit();
      pending = 0;
    }
  }

  private synchronized void flushQuietly() {
    if (pending > 0 && !closed) {
      try {
        commit();
      } catch (SQLException ignored) {
        // the next write or close reports it
      }
    }
  }

  ArchiveException fail(String what, SQLException e) {
    return new ArchiveException("archive " + file + ": could not " + what + ": " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() throws ArchiveException {
    if (closed) {
      return;
    }
    flusher.shutdownNow();
    captures.close();
    try {
      conn.commit();
      if (!readOnly) {
        try (Statement st = conn.createStatement()) {
          conn.setAutoCommit(true);
          st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
      }
    } catch (SQLException e) {
      throw fail("commit on close", e);
    } finally {
      closed = true;
      closeQuietly(conn);
      if (lock != null) {
        lock.close();
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing; nothing else to do
      }
    }
  }
}

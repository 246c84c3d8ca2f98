package dev.newsvault.archive;

import dev.newsvault.extract.Article;
import dev.newsvault.fetch.Capture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The write path of {@code newsvault import}: captures from WARC files go through the crawl's own
 * {@link Archive#store} when they are newer than the article's current version (the usual case), and are slotted
 * into the version history by capture time when they are older, because WARC files arrive in any order. Each
 * capture's {@link WarcOrigin} is written in the same transaction as its fetch row, so after a crash a record is
 * either fully in the archive or not at all, and a re-run knows which. The statements run for every record are
 * prepared once per import, not once per record: preparing costs SQLite about as much as running them.
 */
public final class ImportStore implements AutoCloseable {

  private final Archive archive;
  private Statements statements;

  public ImportStore(Archive archive) {
    this.archive = archive;
  }

  /** A statement prepared on first use and kept until {@link #close()}; callers hold the archive's monitor. */
  private PreparedStatement statement(String sql) throws SQLException {
    return statements().get(sql);
  }

  private Statements statements() {
    if (statements == null) {
      statements = new Statements(archive.connection());
    }
    return statements;
  }

  /** Closes the statements kept for the import. */
  @Override
  public void close() {
    synchronized (archive) {
      if (statements != null) {
        statements.close();
        statements = null;
      }
    }
  }

  /** Whether the file with this key was read to its end and committed by an earlier import. */
  public boolean fileCompleted(String fileKey) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement(
          "SELECT 1 FROM import_file WHERE file_key=? AND completed_at IS NOT NULL")) {
        ps.setString(1, fileKey);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      } catch (SQLException e) {
        throw archive.fail("read the import state of " + fileKey, e);
      }
    }
  }

  /** Notes that a file is being imported (again, after an interruption, when it was started before). */
  public void fileStarted(String fileKey, String path, long size, long runId) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("INSERT INTO import_file(file_key, path,"
          + " size, run_id, started_at) VALUES (?,?,?,?,?) ON CONFLICT(file_key) DO UPDATE SET path=excluded.path,"
          + " run_id=excluded.run_id, started_at=excluded.started_at")) {
        ps.setString(1, fileKey);
        ps.setString(2, path);
        ps.setLong(3, size);
        ps.setLong(4, runId);
        ps.setString(5, Timestamps.stored(Instant.now()));
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("record the import of " + path, e);
      }
    }
  }

  /**
   * Records that a file was read to its end and commits. A complete file is skipped by the next import; one left
   * open (it held revisits of records not in the archive yet) is read again, its imported records then skipped
   * as duplicates.
   */
  public void fileRead(String fileKey, long records, long imported, long skipped, boolean complete)
      throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("UPDATE import_file SET completed_at=?,"
          + " records=?, imported=?, skipped=? WHERE file_key=?")) {
        ps.setString(1, complete ? Timestamps.stored(Instant.now()) : null);
        ps.setLong(2, records);
        ps.setLong(3, imported);
        ps.setLong(4, skipped);
        ps.setString(5, fileKey);
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("mark the import of " + fileKey + " done", e);
      }
      archive.flush();
    }
  }

  /** Whether a record with this WARC-Record-ID is in the archive already. */
  public boolean hasRecord(String recordId) throws ArchiveException {
    synchronized (archive) {
      try {
        PreparedStatement ps = statement("SELECT 1 FROM warc_origin WHERE record_id=?");
        ps.setString(1, recordId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      } catch (SQLException e) {
        throw archive.fail("look up WARC record " + recordId, e);
      }
    }
  }

  /**
   * The raw page a revisit record stands for: the payload of the record it refers to, else of any imported
   * record with the same payload digest. Empty when neither was imported.
   */
  public Optional<byte[]> revisitedPayload(String refersTo, String payloadDigest) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT raw_sha256 FROM warc_origin"
          + " WHERE raw_sha256 IS NOT NULL AND (record_id=? OR payload_digest=?) LIMIT 1")) {
        ps.setString(1, refersTo);
        ps.setString(2, payloadDigest);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return archive.reader().rawPage(rs.getString(1));
        }
      } catch (SQLException e) {
        throw archive.fail("resolve revisit " + refersTo, e);
      }
    }
  }

  /**
   * Stores one imported capture with its origin, as one unit. {@code article} is null for a page that holds no
   * article (as the crawl passes it); {@code digests} are {@link CaptureDigests#of} the capture and article.
   */
  public StoreResult store(long runId, Capture c, Article article, CaptureDigests digests, WarcOrigin origin)
      throws ArchiveException {
    synchronized (archive) {
      try {
        Seen seen = seen(c.finalUrl());
        StoreResult r;
        if (article == null || article.text().isBlank() || seen == null || !c.fetchedAt().isBefore(seen.current())) {
          r = archive.store(runId, c, article, digests);
        } else {
          r = new VersionSlot(archive.connection(), statements(), seen.articleId()).insert(
              archive.store(runId, c, null, digests).fetchId(), c, article, digests);
        }
        if (seen != null) {
          keepSeenRange(seen, c.fetchedAt());
        }
        origin(origin, r.fetchId(), digests.rawSha());
        archive.wrote();
        return r;
      } catch (SQLException e) {
        throw archive.fail("import " + c.url() + " from " + origin.file(), e);
      }
    }
  }

  /** What the archive knows of an article before a capture is added. */
  private record Seen(long articleId, Instant current, String firstSeen, String lastSeen) {}

  private Seen seen(String url) throws SQLException {
    PreparedStatement ps = statement("SELECT a.id, v.fetched_at, a.first_seen, a.last_seen FROM article a"
        + " JOIN article_version v ON v.article_id=a.id AND v.version=a.current_version WHERE a.url=?");
    ps.setString(1, url);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? new Seen(rs.getLong(1), instant(rs.getString(2)), rs.getString(3), rs.getString(4)) : null;
    }
  }

  /** first_seen and last_seen span every capture, whatever order the captures were imported in. */
  private void keepSeenRange(Seen before, Instant at) throws SQLException {
    String first = instant(before.firstSeen()).isAfter(at) ? Timestamps.stored(at) : before.firstSeen();
    String last = instant(before.lastSeen()).isBefore(at) ? Timestamps.stored(at) : before.lastSeen();
    PreparedStatement ps = statement("UPDATE article SET first_seen=?, last_seen=? WHERE id=?");
    ps.setString(1, first);
    ps.setString(2, last);
    ps.setLong(3, before.articleId());
    ps.executeUpdate();
  }

  private void origin(WarcOrigin o, long fetchId, String rawSha) throws SQLException {
    PreparedStatement ps = statement("INSERT INTO warc_origin(record_id, fetch_id, file, offset, record_type, url,"
        + " warc_date, payload_digest, raw_sha256) VALUES (?,?,?,?,?,?,?,?,?)");
    ps.setString(1, o.recordId());
    ps.setLong(2, fetchId);
    ps.setString(3, o.file());
    ps.setLong(4, o.offset());
    ps.setString(5, o.recordType());
    ps.setString(6, o.url());
    ps.setString(7, o.date().toString());
    ps.setString(8, o.payloadDigest());
    ps.setString(9, rawSha);
    ps.executeUpdate();
  }

  static Instant instant(String iso) {
    try {
      return iso == null ? Instant.EPOCH : Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /**
   * A capture older than an article's current version, put in its place by capture time: the same text as the
   * version before it changes nothing; the same text as the version after it makes that version start earlier;
   * anything else becomes a new version there, and the later versions (and the checks that name them) move up
   * by one.
   */
  private record VersionSlot(Connection conn, Statements statements, long articleId) {

    private record Row(long id, int version, Instant at, String textSha, String metaSha) {}

    StoreResult insert(long fetchId, Capture c, Article a, CaptureDigests d) throws SQLException {
      String textSha = d.textSha();
      String metaSha = d.metaSha();
      Row before = null;
      Row after = null;
      for (Row r : rows()) {
        if (!r.at().isAfter(c.fetchedAt())) {
          before = r;
        } else if (after == null) {
          after = r;
        }
      }
      int current = current();
      if (before != null && before.textSha().equals(textSha) && before.metaSha().equals(metaSha)) {
        return new StoreResult(fetchId, StoreResult.Change.UNCHANGED, articleId, current);
      }
      String rawSha = d.rawSha();
      if (after != null && after.textSha().equals(textSha) && after.metaSha().equals(metaSha)) {
        // the version now starts with this capture: its raw page, and so the sections that page declares
        try (PreparedStatement ps = conn.prepareStatement("UPDATE article_version SET fetched_at=?, fetch_id=?,"
            + " raw_sha256=?, etag=?, last_modified=?, categories_json=? WHERE id=?")) {
          ps.setString(1, Timestamps.stored(c.fetchedAt()));
          ps.setLong(2, fetchId);
          ps.setString(3, rawSha);
          ps.setString(4, c.etag());
          ps.setString(5, c.lastModified());
          ps.setString(6, d.categoriesJson());
          ps.setLong(7, after.id());
          ps.executeUpdate();
        }
        return new StoreResult(fetchId, StoreResult.Change.UNCHANGED, articleId, current);
      }
      int version = before == null ? 1 : before.version() + 1;
      // Two steps through negative numbers: UNIQUE(article_id, version) is checked row by row.
      update("UPDATE article_version SET version=-(version+1) WHERE article_id=? AND version>=?", version);
      update("UPDATE article_version SET version=-version WHERE article_id=? AND version<?", 0);
      update("UPDATE article_check SET version=version+1 WHERE article_id=? AND version>=?", version);
      CaptureStore.insertVersion(statements, articleId, version, textSha, metaSha, fetchId, rawSha, c, a, d);
      try (PreparedStatement ps = conn.prepareStatement("UPDATE article SET current_version=current_version+1"
          + " WHERE id=?")) {
        ps.setLong(1, articleId);
        ps.executeUpdate();
      }
      return new StoreResult(fetchId, StoreResult.Change.CHANGED, articleId, version);
    }

    private List<Row> rows() throws SQLException {
      List<Row> out = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, version, fetched_at, text_sha256, meta_sha256"
          + " FROM article_version WHERE article_id=? ORDER BY version")) {
        ps.setLong(1, articleId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Row(rs.getLong(1), rs.getInt(2), instant(rs.getString(3)), rs.getString(4), rs.getString(5)));
          }
        }
      }
      return out;
    }

    private int current() throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement("SELECT current_version FROM article WHERE id=?")) {
        ps.setLong(1, articleId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      }
    }

    private void update(String sql, int version) throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        ps.setLong(1, articleId);
        ps.setInt(2, version);
        ps.executeUpdate();
      }
    }
  }
}

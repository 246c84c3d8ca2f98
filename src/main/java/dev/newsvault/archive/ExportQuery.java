package dev.newsvault.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The export's read side: forward-only cursors over article versions on a connection of its own, opened
 * read-only, so an export streams any archive size in flat memory and runs while a crawl writes. The
 * connection holds one read transaction for its whole life: every pass of one export sees the same snapshot.
 */
public final class ExportQuery implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
  /** The page's own published date, else the one a feed or news sitemap gave for the article's URL. */
  private static final String PUBLISHED = "COALESCE(v.published, fe.published)";
  /** Where {@link #PUBLISHED} came from: the page's own source, or the feed that listed it. */
  private static final String DATE_SOURCE =
      "CASE WHEN v.published IS NOT NULL THEN v.date_source WHEN fe.published IS NOT NULL THEN 'feed' END";
  private static final String ROW_COLUMNS = "v.id, v.article_id, v.version, a.url, a.host,"
      + " COALESCE(v.canonical_url, a.canonical_url), v.text_sha256, COALESCE(v.title, fe.title),"
      + " CASE WHEN v.authors_json = '[]' AND fe.author IS NOT NULL THEN json_array(fe.author)"
      + " ELSE v.authors_json END,"
      + " " + PUBLISHED + ","
      + " v.modified, v.fetched_at, v.site_name, v.language, v.description, v.tags_json, v.image_url, v.text,"
      + " v.word_count, f.status, f.content_type, f.headers_json, v.raw_sha256,"
      + " fe.title, f.final_url, a.first_seen, a.last_seen, a.state, v.change_kind, v.language_detected,"
      + " " + DATE_SOURCE + ", v.modified_source, v.markdown, v.categories_json, v.simhash";
  private static final String FROM = " FROM article_version v JOIN article a ON a.id = v.article_id"
      + " LEFT JOIN fetch f ON f.id = v.fetch_id LEFT JOIN feed_entry fe ON fe.url = a.url";

  private final Path file;
  private final Connection conn;
  private PreparedStatement rawStatement;
  private PreparedStatement recaptureStatement;

  private ExportQuery(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  /** Opens a read-only connection to the archive at {@code file}. */
  public static ExportQuery open(Path file) throws ArchiveException {
    Path abs = file.toAbsolutePath().normalize();
    return new ExportQuery(abs, Archive.readOnlyConnection(abs));
  }

  /** A forward-only cursor; {@link #next()} returns null after the last row. */
  public interface Cursor<T> extends AutoCloseable {
    T next() throws ArchiveException;

    @Override
    void close() throws ArchiveException;
  }

  /**
   * The id of one version, its text hash and its stored SimHash: what de-duplication reads. The text comes along
   * only when asked for and no SimHash is stored for the version.
   */
  public record TextKey(long versionId, long articleId, String textSha256, Long simhash, String text) {

    /** The stored SimHash, else the text's. */
    public long fingerprint() {
      return simhash != null ? simhash : SimHash.of(text == null ? "" : text);
    }
  }

  /** The highest article_version id in this snapshot: exports read up to it, checkpoints remember it. */
  public long maxVersionId() throws ArchiveException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM article_version");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw fail("read the newest version id", e);
    }
  }

  /** The newest fetch time among versions up to {@code upTo}, or null for an empty archive. */
  public String newestFetch(long upTo) throws ArchiveException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT MAX(fetched_at) FROM article_version WHERE id <= ?")) {
      ps.setLong(1, upTo);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw fail("read the newest fetch time", e);
    }
  }

  /** How many versions match, with ids in (afterId, upTo]: the progress indicator's total. */
  public long count(ExportSelection sel, long afterId, long upTo) throws ArchiveException {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT COUNT(*)" + FROM + where(sel, afterId, upTo, args);
    try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw fail("count the versions to export", e);
    }
  }

  /** Matching versions with ids in (afterId, upTo] and their fetches, in archive order (ascending id). */
  public Cursor<ExportRow> rows(ExportSelection sel, long afterId, long upTo) throws ArchiveException {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT " + ROW_COLUMNS + FROM + where(sel, afterId, upTo, args) + " ORDER BY v.id";
    return cursor(sql, args, "read the versions to export", ExportQuery::row);
  }

  /**
   * Ids, text hashes and SimHashes of the matching versions, in archive order; with {@code withText}, the text of
   * a version whose SimHash is not stored.
   */
  public Cursor<TextKey> textKeys(ExportSelection sel, long upTo, boolean withText) throws ArchiveException {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT v.id, v.article_id, v.text_sha256, v.simhash"
        + (withText ? ", CASE WHEN v.simhash IS NULL THEN v.text END" : ", NULL") + FROM
        + where(sel, 0, upTo, args) + " ORDER BY v.id";
    return cursor(sql, args, "read the texts to de-duplicate",
        rs -> new TextKey(rs.getLong(1), rs.getLong(2), rs.getString(3), longOrNull(rs, 4), rs.getString(5)));
  }

  /** A fetch of an article's page that returned exactly the bytes of an exported version: a revisit. */
  public record Recapture(String url, String fetchedAt, int status, String contentType, Map<String, String> headers) {}

  /**
   * Later fetches of version {@code versionId}'s URL that returned its raw page byte for byte (re-checks and
   * re-crawls that found nothing new), up to the article's next version, in fetch order.
   */
  public List<Recapture> recaptures(long versionId) throws ArchiveException {
    String sql = "SELECT f.url, f.fetched_at, f.status, f.content_type, f.headers_json"
        + " FROM article_version v JOIN article a ON a.id = v.article_id"
        + " JOIN fetch f ON f.url = a.url AND f.raw_sha256 = v.raw_sha256 AND f.id > v.fetch_id"
        + " WHERE v.id = ? AND f.status BETWEEN 200 AND 299"
        + " AND NOT EXISTS (SELECT 1 FROM article_version n WHERE n.article_id = v.article_id"
        + " AND n.version > v.version AND n.fetch_id <= f.id) ORDER BY f.id";
    List<Recapture> out = new ArrayList<>();
    try {
      if (recaptureStatement == null) {
        recaptureStatement = conn.prepareStatement(sql); // once per export: it runs for every version written
      }
      PreparedStatement ps = recaptureStatement;
      ps.setLong(1, versionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Recapture(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
              headers(rs.getString(5))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw fail("read the re-fetches of version " + versionId, e);
    }
  }

  /** An exported version's id, URL and fetch time. */
  public record Capture(long versionId, String url, String fetchedAt) {}

  /**
   * The matching versions with ids in (afterId, beforeId) whose raw page is {@code rawSha256}, oldest first: the
   * first of them the export wrote holds the response a later identical payload refers to.
   */
  public List<Capture> earlierWithPage(ExportSelection sel, String rawSha256, long afterId, long beforeId)
      throws ArchiveException {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT v.id, a.url, v.fetched_at" + FROM + where(sel, afterId, beforeId - 1, args)
        + " AND v.raw_sha256 = ? ORDER BY v.id";
    args.add(rawSha256);
    List<Capture> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Capture(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
      return out;
    } catch (SQLException e) {
      throw fail("find the earlier captures of " + rawSha256, e);
    }
  }

  /**
   * Screenshots and rendered DOMs, read in this export's snapshot; null when the snapshot holds none, so that an
   * archive crawled without a browser costs no look-up per record.
   */
  public RenderQueries renders() throws ArchiveException {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM screenshot) OR EXISTS (SELECT 1 FROM fetch_render)");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getInt(1) == 1 ? new RenderQueries(conn) : null;
    } catch (SQLException e) {
      throw fail("look for rendered pages", e);
    }
  }

  /** The raw page stored under {@code sha256:…}, decompressed. */
  public Optional<byte[]> rawPage(String sha256) throws ArchiveException {
    Optional<byte[]> gz = rawPageGzip(sha256);
    if (gz.isEmpty()) {
      return gz;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.get()))) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw damaged(sha256, e);
    }
  }

  /**
   * The raw page stored under {@code sha256:…} as stored, gzip-compressed: the WARC export decompresses it on the
   * thread that builds the records, not on the one reading the archive.
   */
  public Optional<byte[]> rawPageGzip(String sha256) throws ArchiveException {
    try {
      if (rawStatement == null) {
        rawStatement = conn.prepareStatement("SELECT body_gzip FROM raw_page WHERE sha256=?");
      }
      rawStatement.setString(1, sha256);
      try (ResultSet rs = rawStatement.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail("read raw page " + sha256, e);
    }
  }

  /** The error for a stored page that does not decompress. */
  public ArchiveException damaged(String sha256, IOException e) {
    return new ArchiveException("raw page " + sha256 + " in " + file + " is damaged: " + e.getMessage(), e);
  }

  private static String where(ExportSelection sel, long afterId, long upTo, List<Object> args) {
    StringBuilder w = new StringBuilder(" WHERE v.id > ? AND v.id <= ?");
    args.add(afterId);
    args.add(upTo);
    if (!sel.allVersions()) {
      w.append(" AND v.version = a.current_version");
    }
    if (!sel.sites().isEmpty()) {
      w.append(" AND (");
      for (int i = 0; i < sel.sites().size(); i++) {
        String host = sel.sites().get(i);
        w.append(i == 0 ? "" : " OR ").append("a.host = ? OR a.host LIKE ? ESCAPE '\\'");
        args.add(host);
        args.add("%." + host.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
      }
      w.append(")");
    }
    // A published date is compared on the page's own calendar (its wall time, the offset dropped), so a story
    // dated 00:30+02:00 on the 19th is on the 19th; an undated one counts from when it was first archived.
    // julianday() reads both dates and date-times; a date it cannot read never matches.
    String date = sel.byFetchDate() ? "v.fetched_at" : "substr(COALESCE(" + PUBLISHED + ", a.first_seen), 1, 19)";
    if (sel.since() != null) {
      w.append(" AND julianday(").append(date).append(") >= julianday(?)");
      args.add(sel.since().toString());
    }
    if (sel.untilExclusive() != null) {
      w.append(" AND julianday(").append(date).append(") < julianday(?)");
      args.add(sel.untilExclusive().toString());
    }
    if (sel.language() != null) {
      w.append(" AND (lower(v.language) = ? OR lower(v.language) LIKE ?)");
      args.add(sel.language());
      args.add(sel.language() + "-%");
    }
    if (sel.minWords() > 0) {
      w.append(" AND v.word_count >= ?");
      args.add(sel.minWords());
    }
    return w.toString();
  }

  private PreparedStatement prepare(String sql, List<Object> args) throws SQLException {
    PreparedStatement ps = conn.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
    return ps;
  }

  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> Cursor<T> cursor(String sql, List<Object> args, String what, RowMapper<T> mapper)
      throws ArchiveException {
    try {
      PreparedStatement ps = prepare(sql, args);
      ps.setFetchSize(200);
      ResultSet rs = ps.executeQuery();
      return new Cursor<>() {
        @Override
        public T next() throws ArchiveException {
          try {
            return rs.next() ? mapper.map(rs) : null;
          } catch (SQLException e) {
            throw fail(what, e);
          }
        }

        @Override
        public void close() throws ArchiveException {
          try {
            rs.close();
            ps.close();
          } catch (SQLException e) {
            throw fail(what, e);
          }
        }
      };
    } catch (SQLException e) {
      throw fail(what, e);
    }
  }

  private static ExportRow row(ResultSet rs) throws SQLException {
    int i = 0;
    return new ExportRow(rs.getLong(++i), rs.getLong(++i), rs.getInt(++i), rs.getString(++i), rs.getString(++i),
        rs.getString(++i), rs.getString(++i), rs.getString(++i), ArchiveReader.strings(rs.getString(++i)),
        rs.getString(++i), rs.getString(++i), rs.getString(++i), rs.getString(++i), rs.getString(++i),
        rs.getString(++i), ArchiveReader.strings(rs.getString(++i)), rs.getString(++i), rs.getString(++i),
        rs.getInt(++i), rs.getInt(++i), rs.getString(++i), headers(rs.getString(++i)), rs.getString(++i),
        rs.getString(++i), rs.getString(++i), rs.getString(++i), rs.getString(++i), rs.getString(++i),
        rs.getString(++i), rs.getString(++i), rs.getString(++i), rs.getString(++i),
        rs.getString(++i), ArchiveReader.strings(rs.getString(++i)), longOrNull(rs, ++i));
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Map<String, String> headers(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, HEADERS);
    } catch (IOException e) {
      return Map.of();
    }
  }

  private ArchiveException fail(String what, SQLException e) {
    return new ArchiveException("archive " + file + ": could not " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws ArchiveException {
    try {
      if (rawStatement != null) {
        rawStatement.close();
      }
      if (recaptureStatement != null) {
        recaptureStatement.close();
      }
      conn.rollback();
      conn.close();
    } catch (SQLException e) {
      throw fail("close the export connection", e);
    }
  }
}

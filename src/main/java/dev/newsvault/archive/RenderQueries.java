package dev.newsvault.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What the browser showed (tables screenshot, fetch_render, rendered_dom): a version's screenshot, which
 * versions have one, and a fetch's rendered DOM. Reads through the archive's own connection (show, export) or
 * a {@link ReadPool} (serve).
 */
public final class RenderQueries {

  /** A stored screenshot of one article version. */
  public record StoredScreenshot(long articleId, int version, long fetchId, String mediaType, int width, int height,
      boolean cut, String takenAt, byte[] image) {}

  /** The rendered DOM of one fetch, decompressed. */
  public record StoredDom(long fetchId, String finalUrl, boolean forText, String sha256, byte[] html) {}

  private final Archive archive;
  private final ReadPool pool;
  private final java.sql.Connection conn;

  public RenderQueries(Archive archive) {
    this(archive, null, null);
  }

  public RenderQueries(ReadPool pool) {
    this(null, pool, null);
  }

  /** On an export's own read-only connection. */
  RenderQueries(java.sql.Connection conn) {
    this(null, null, conn);
  }

  private RenderQueries(Archive archive, ReadPool pool, java.sql.Connection conn) {
    this.archive = archive;
    this.pool = pool;
    this.conn = conn;
  }

  /** The screenshot of version {@code version} of an article, if it has one. */
  public Optional<StoredScreenshot> screenshot(long articleId, int version) throws ArchiveException {
    return one("read the screenshot of article " + articleId + " version " + version,
        "article_id=? AND version=?", articleId, version);
  }

  /** The screenshot taken at fetch {@code fetchId}, if that fetch made a version with one. */
  public Optional<StoredScreenshot> screenshotOfFetch(long fetchId) throws ArchiveException {
    return one("read the screenshot of fetch " + fetchId, "fetch_id=?", fetchId);
  }

  private Optional<StoredScreenshot> one(String what, String where, Object... args) throws ArchiveException {
    return read(what, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT article_id, version, fetch_id, media_type, width,"
          + " height, cut, taken_at, image FROM screenshot WHERE " + where)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new StoredScreenshot(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
              rs.getInt(5), rs.getInt(6), rs.getInt(7) == 1, rs.getString(8), rs.getBytes(9)));
        }
      }
    });
  }

  /** The versions of an article that have a screenshot, in order. */
  public List<Integer> screenshotVersions(long articleId) throws ArchiveException {
    return read("list the screenshots of article " + articleId, c -> {
      List<Integer> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT version FROM screenshot WHERE article_id=? ORDER BY version")) {
        ps.setLong(1, articleId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getInt(1));
          }
        }
      }
      return out;
    });
  }

  /** Whether version {@code version} of an article was extracted from a page rendered in the browser. */
  public boolean renderedForText(long articleId, int version) throws ArchiveException {
    return read("read how version " + version + " of article " + articleId + " was fetched", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT r.for_text FROM article_version v JOIN fetch_render r"
          + " ON r.fetch_id=v.fetch_id WHERE v.article_id=? AND v.version=?")) {
        ps.setLong(1, articleId);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getInt(1) == 1;
        }
      }
    });
  }

  /** The DOM the browser built for the fetch that made article version row {@code versionId}, if rendered. */
  public Optional<StoredDom> domOfVersion(long versionId) throws ArchiveException {
    Optional<Long> fetch = read("find the fetch of version " + versionId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT fetch_id FROM article_version WHERE id=?"
          + " AND fetch_id IS NOT NULL")) {
        ps.setLong(1, versionId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
        }
      }
    });
    return fetch.isEmpty() ? Optional.empty() : dom(fetch.get());
  }

  /** The DOM the browser built at fetch {@code fetchId}, if that fetch was rendered. */
  public Optional<StoredDom> dom(long fetchId) throws ArchiveException {
    return read("read the rendered DOM of fetch " + fetchId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT r.final_url, r.for_text, d.sha256, d.body_gzip"
          + " FROM fetch_render r JOIN rendered_dom d ON d.sha256=r.dom_sha256 WHERE r.fetch_id=?")) {
        ps.setLong(1, fetchId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new StoredDom(fetchId, rs.getString(1), rs.getInt(2) == 1, rs.getString(3),
              gunzip(rs.getBytes(4))));
        }
      }
    });
  }

  private static byte[] gunzip(byte[] gz) throws SQLException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new SQLException("a stored rendered DOM is not valid gzip: " + e.getMessage(), e);
    }
  }

  private <T> T read(String what, ReadPool.Work<T> work) throws ArchiveException {
    if (pool != null) {
      return pool.read(what, work);
    }
    if (conn != null) {
      try {
        return work.run(conn);
      } catch (SQLException e) {
        throw new ArchiveException("could not " + what + ": " + e.getMessage(), e);
      }
    }
    synchronized (archive) {
      try {
        return work.run(archive.connection());
      } catch (SQLException e) {
        throw archive.fail(what, e);
      }
    }
  }

}

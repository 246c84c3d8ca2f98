package dev.newsvault.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Read queries over an {@link Archive}: articles, versions, raw pages and statistics. */
public final class ArchiveReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  static final String VERSION_COLUMNS = "v.article_id, v.version, v.text_sha256, v.meta_sha256, v.fetch_id,"
      + " v.raw_sha256, v.fetched_at, v.etag, v.last_modified, v.title, v.authors_json, v.published, v.modified,"
      + " v.site_name, v.language, v.description, v.tags_json, v.image_url, v.canonical_url, v.text, v.word_count,"
      + " v.date_source, v.modified_source, v.markdown";

  private final Archive archive;

  ArchiveReader(Archive archive) {
    this.archive = archive;
  }

  /** The article archived under {@code url} (the URL after redirects), or under that canonical URL. */
  public Optional<ArticleRecord> article(String url) throws ArchiveException {
    synchronized (archive) {
      Connection c = archive.connection();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, url, canonical_url, host, first_seen, last_seen,"
          + " last_checked, current_version, state FROM article WHERE url=? OR canonical_url=?"
          + " ORDER BY (url=?) DESC LIMIT 1")) {
        ps.setString(1, url);
        ps.setString(2, url);
        ps.setString(3, url);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(articleRecord(rs)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw archive.fail("look up " + url, e);
      }
    }
  }

  static ArticleRecord articleRecord(ResultSet rs) throws SQLException {
    return new ArticleRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9));
  }

  /** All versions of an article, oldest first. */
  public List<VersionRecord> versions(long articleId) throws ArchiveException {
    synchronized (archive) {
      List<VersionRecord> out = new ArrayList<>();
      try (PreparedStatement ps = archive.connection().prepareStatement(
          "SELECT " + VERSION_COLUMNS + " FROM article_version v WHERE v.article_id=? ORDER BY v.version")) {
        ps.setLong(1, articleId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(versionRecord(rs));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read versions of article " + articleId, e);
      }
    }
  }

  static VersionRecord versionRecord(ResultSet rs) throws SQLException {
    return new VersionRecord(rs.getLong(1), rs.getInt(2), ContentHash.parse(rs.getString(3)),
        ContentHash.parse(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getString(10), strings(rs.getString(11)), rs.getString(12), rs.getString(13),
        rs.getString(14), rs.getString(15), rs.getString(16), strings(rs.getString(17)), rs.getString(18),
        rs.getString(19), rs.getString(20), rs.getInt(21), rs.getString(22), rs.getString(23),
        rs.getString(24));
  }

  static List<String> strings(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, STRINGS);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The raw page body stored under {@code sha256:…}, decompressed. */
  public Optional<byte[]> rawPage(String sha256) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement(
          "SELECT body_gzip FROM raw_page WHERE sha256=?")) {
        ps.setString(1, sha256);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(rs.getBytes(1)))) {
            return Optional.of(in.readAllBytes());
          }
        }
      } catch (SQLException e) {
        throw archive.fail("read raw page " + sha256, e);
      } catch (IOException e) {
        throw new ArchiveException("raw page " + sha256 + " in " + archive.file() + " is damaged: " + e.getMessage(), e);
      }
    }
  }

  /** Counts per site, failures by kind, the ten latest failed or skipped fetches, and the last run. */
  public ArchiveStats stats() throws ArchiveException {
    return stats(10);
  }

  /** Counts per site, failures by kind, the {@code recent} latest failed or skipped fetches, and the last run. */
  public ArchiveStats stats(int recent) throws ArchiveException {
    synchronized (archive) {
      Connection c = archive.connection();
      try (Statement st = c.createStatement()) {
        long articles = count(st, "SELECT COUNT(*) FROM article");
        long versions = count(st, "SELECT COUNT(*) FROM article_version");
        long fetches = count(st, "SELECT COUNT(*) FROM fetch");
        long raw = count(st, "SELECT COUNT(*) FROM raw_page");
        long rawBytes = count(st, "SELECT COALESCE(SUM(LENGTH(body_gzip)),0) FROM raw_page");
        List<ArchiveStats.SiteCount> sites = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT h.host,"
            + " (SELECT COUNT(*) FROM fetch f WHERE f.host=h.host),"
            + " (SELECT COUNT(*) FROM article a WHERE a.host=h.host),"
            + " (SELECT COUNT(*) FROM article_version v JOIN article a ON a.id=v.article_id WHERE a.host=h.host)"
            + " FROM (SELECT DISTINCT host FROM fetch WHERE host<>'') h ORDER BY 3 DESC, 2 DESC, 1")) {
          while (rs.next()) {
            sites.add(new ArchiveStats.SiteCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
          }
        }
        List<ArchiveStats.FailureCount> failures = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT failure_kind, COUNT(*) FROM fetch WHERE failure_kind IS NOT NULL"
            + " GROUP BY failure_kind ORDER BY 2 DESC, 1")) {
          while (rs.next()) {
            failures.add(new ArchiveStats.FailureCount(rs.getString(1), rs.getLong(2)));
          }
        }
        List<ArchiveStats.FailedFetch> recentFailures = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT url, fetched_at, status, failure_kind, failure_detail"
            + " FROM fetch WHERE failure_kind IS NOT NULL ORDER BY id DESC LIMIT ?")) {
          ps.setInt(1, Math.max(0, recent));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              recentFailures.add(new ArchiveStats.FailedFetch(rs.getString(1), rs.getString(2), rs.getInt(3),
                  rs.getString(4), rs.getString(5)));
            }
          }
        }
        ArchiveStats.RunRecord last = null;
        try (ResultSet rs = st.executeQuery("SELECT id, kind, description, started_at, finished_at, status, fetched,"
            + " archived, skipped, failed FROM crawl_run ORDER BY id DESC LIMIT 1")) {
          if (rs.next()) {
            last = new ArchiveStats.RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
          }
        }
        return new ArchiveStats(articles, versions, fetches, raw, rawBytes, sites, failures, recentFailures, last);
      } catch (SQLException e) {
        throw archive.fail("compute statistics", e);
      }
    }
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}

package dev.newsvault.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The read-only queries behind newsvault serve's pages and their JSON twins: counts, latest and changed
 * articles, one article with its versions, raw pages, and per-site figures. Every method is one read
 * transaction on a {@link ReadPool} connection, so it never blocks a writer and always sees the last commit.
 */
public final class WebQueries {

  /** What the archive holds. */
  public record Counts(long articles, long versions, long changedArticles, long sites, long fetches) {}

  /** One article in a list: its current title and how many versions it has. */
  public record ArticleLine(long id, String url, String host, String title, String firstSeen, int versions,
      String state) {}

  /**
   * One stored change: version {@code version} of an article, fetched at {@code fetchedAt}; words added and
   * removed when a check recorded them (null otherwise, to be computed from the texts).
   */
  public record Change(long articleId, String url, String host, String title, int version, String fetchedAt,
      Integer wordsAdded, Integer wordsRemoved, String changeKind) {

    /** The same change with its sizes and kind filled in (computed from the texts when nothing stored them). */
    public Change withWords(int added, int removed, String kind) {
      return new Change(articleId, url, host, title, version, fetchedAt, added, removed, kind);
    }
  }

  /** Per-site figures: versions beyond the first are changes; the change rate is changed articles / articles. */
  public record SiteLine(String host, long articles, long versions, long changedArticles, double changeRate,
      String lastFetch, Map<String, Long> failures) {}

  /** Articles first archived and versions stored on one day (UTC). */
  public record DayCount(String day, long articles, long changes) {}

  /** A raw page as fetched, decompressed, with the Content-Type it was served with. */
  public record RawPage(String sha256, String contentType, byte[] body) {}

  private static final String CHANGE_COLUMNS = "v.article_id, a.url, a.host, v.title, v.version, v.fetched_at,"
      + " (SELECT c.words_added FROM article_check c WHERE c.article_id=v.article_id AND c.version=v.version"
      + " AND c.outcome='changed' ORDER BY c.id LIMIT 1),"
      + " (SELECT c.words_removed FROM article_check c WHERE c.article_id=v.article_id AND c.version=v.version"
      + " AND c.outcome='changed' ORDER BY c.id LIMIT 1), v.change_kind";

  private static final String LINE_COLUMNS = "a.id, a.url, a.host, (SELECT v.title FROM article_version v"
      + " WHERE v.article_id=a.id AND v.version=a.current_version), a.first_seen, a.current_version, a.state";

  /**
   * The newest row of each table a write adds to: every crawl, check, import or schedule that changes what the
   * pages show adds an article, a version, a fetch or a check, so two equal stamps mean the same figures.
   */
  public record Stamp(long article, long version, long fetch, long check) {}

  private final ReadPool pool;

  public WebQueries(ReadPool pool) {
    this.pool = pool;
  }

  /** The archive's {@link Stamp}: four lookups of the last row id, cheap at any size. */
  public Stamp stamp() throws ArchiveException {
    return pool.read("read the archive's last changes", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT MAX(id) FROM article),"
          + " (SELECT MAX(id) FROM article_version), (SELECT MAX(id) FROM fetch), (SELECT MAX(id) FROM article_check)");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Stamp(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
      }
    });
  }

  public Counts counts() throws ArchiveException {
    return pool.read("count articles", c -> new Counts(
        count(c, "SELECT COUNT(*) FROM article"),
        count(c, "SELECT COALESCE(SUM(current_version), 0) FROM article"),
        count(c, "SELECT COUNT(*) FROM article WHERE current_version > 1"),
        count(c, "SELECT COUNT(DISTINCT host) FROM article"),
        count(c, "SELECT COALESCE(MAX(id), 0) FROM fetch")));
  }

  /** The {@code limit} articles archived last, optionally of one site. */
  public List<ArticleLine> latest(String host, int limit) throws ArchiveException {
    String sql = "SELECT " + LINE_COLUMNS + " FROM article a"
        + (host == null ? "" : " WHERE a.host=?") + " ORDER BY a.first_seen DESC, a.id DESC LIMIT ?";
    return pool.read("list the latest articles", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        if (host != null) {
          ps.setString(i++, host);
        }
        ps.setInt(i, limit);
        List<ArticleLine> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ArticleLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getString(7)));
          }
        }
        return out;
      }
    });
  }

  /** The {@code limit} latest stored changes (versions after the first), of all, one site, or one article. */
  public List<Change> changes(String host, Long articleId, int limit) throws ArchiveException {
    String where = host != null ? " AND a.host=?" : articleId != null ? " AND v.article_id=?" : "";
    // All changes, or a site's: walk the index of changes newest first; one article's: its own few versions.
    String sql = "SELECT " + CHANGE_COLUMNS + " FROM article_version v"
        + (articleId == null ? " INDEXED BY article_version_changed" : "")
        + " JOIN article a ON a.id=v.article_id WHERE v.version > 1" + where
        + " ORDER BY v.fetched_at DESC, v.id DESC LIMIT ?";
    return pool.read("list the latest changes", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        if (host != null) {
          ps.setString(i++, host);
        } else if (articleId != null) {
          ps.setLong(i++, articleId);
        }
        ps.setInt(i, limit);
        List<Change> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8), rs.getString(9)));
          }
        }
        return out;
      }
    });
  }

  /** The article with this id. */
  public Optional<ArticleRecord> article(long id) throws ArchiveException {
    return pool.read("look up article " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, url, canonical_url, host, first_seen, last_seen,"
          + " last_checked, current_version, state FROM article WHERE id=?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(ArchiveReader.articleRecord(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Every version of an article, oldest first, with texts. */
  /** The stored kind of change of each version of an article (null where none is stored), by version. */
  public Map<Integer, String> changeKinds(long articleId) throws ArchiveException {
    return pool.read("read the change kinds of article " + articleId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT version, change_kind FROM article_version WHERE article_id=? AND version > 1")) {
        ps.setLong(1, articleId);
        Map<Integer, String> out = new java.util.HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getInt(1), rs.getString(2));
          }
        }
        return out;
      }
    });
  }

  public List<VersionRecord> versions(long articleId) throws ArchiveException {
    return pool.read("read the versions of article " + articleId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ArchiveReader.VERSION_COLUMNS
          + " FROM article_version v WHERE v.article_id=? ORDER BY v.version")) {
        ps.setLong(1, articleId);
        List<VersionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(ArchiveReader.versionRecord(rs));
          }
        }
        return out;
      }
    });
  }

  /** The raw page of version {@code version} of an article, when it was stored. */
  public Optional<RawPage> rawPage(long articleId, int version) throws ArchiveException {
    return pool.read("read a raw page of article " + articleId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT r.sha256, r.content_type, r.body_gzip"
          + " FROM article_version v JOIN raw_page r ON r.sha256=v.raw_sha256 WHERE v.article_id=? AND v.version=?")) {
        ps.setLong(1, articleId);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(rs.getBytes(3)))) {
            return Optional.of(new RawPage(rs.getString(1), rs.getString(2), in.readAllBytes()));
          } catch (IOException e) {
            throw new SQLException("raw page " + rs.getString(1) + " is damaged: " + e.getMessage(), e);
          }
        }
      }
    });
  }

  /** Every site with its figures, most articles first; or only {@code host}. */
  public List<SiteLine> sites(String host) throws ArchiveException {
    String filter = host == null ? "" : " WHERE host=?";
    return pool.read("compute per-site figures", c -> {
      Map<String, Map<String, Long>> failures = new LinkedHashMap<>();
      // Only the failed fetches, through their partial index; left to itself SQLite walks every fetch by host.
      try (PreparedStatement ps = c.prepareStatement("SELECT host, failure_kind, COUNT(*) FROM fetch"
          + " INDEXED BY fetch_failure WHERE failure_kind IS NOT NULL" + (host == null ? "" : " AND host=?") + " GROUP BY 1, 2 ORDER BY 3 DESC")) {
        if (host != null) {
          ps.setString(1, host);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            failures.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
          }
        }
      }
      List<SiteLine> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT host, COUNT(*), SUM(current_version),"
          + " SUM(current_version > 1), (SELECT MAX(f.fetched_at) FROM fetch f WHERE f.host=a.host)"
          + " FROM article a" + filter + " GROUP BY host ORDER BY 2 DESC, 1")) {
        if (host != null) {
          ps.setString(1, host);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long articles = rs.getLong(2);
            long changed = rs.getLong(4);
            out.add(new SiteLine(rs.getString(1), articles, rs.getLong(3), changed,
                articles == 0 ? 0 : (double) changed / articles, rs.getString(5),
                failures.getOrDefault(rs.getString(1), Map.of())));
          }
        }
      }
      return out;
    });
  }

  /** Articles first archived and changes stored per day for one site, the last {@code days} days that had any. */
  public List<DayCount> days(String host, int days) throws ArchiveException {
    return pool.read("count articles per day of " + host, c -> {
      Map<String, long[]> byDay = new java.util.TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT substr(first_seen, 1, 10), COUNT(*) FROM article"
          + " WHERE host=? GROUP BY 1 ORDER BY 1 DESC LIMIT ?")) {
        ps.setString(1, host);
        ps.setInt(2, days);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byDay.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2);
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT substr(v.fetched_at, 1, 10), COUNT(*)"
          + " FROM article_version v INDEXED BY article_version_changed JOIN article a ON a.id=v.article_id"
          + " WHERE v.version > 1 AND a.host=? GROUP BY 1 ORDER BY 1 DESC LIMIT ?")) {
        ps.setString(1, host);
        ps.setInt(2, days);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byDay.computeIfAbsent(rs.getString(1), k -> new long[2])[1] = rs.getLong(2);
          }
        }
      }
      List<DayCount> out = new ArrayList<>();
      byDay.forEach((day, n) -> out.add(new DayCount(day, n[0], n[1])));
      return out.subList(Math.max(0, out.size() - days), out.size());
    });
  }

  /** The sites of the archive, by name (for the search form). */
  public List<String> hosts() throws ArchiveException {
    return pool.read("list sites", c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT host FROM article ORDER BY host");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}

package dev.newsvault.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL of {@code newsvault check}, {@code history} and {@code diff}: which articles to re-check, the
 * record of each check (table {@code article_check}, {@code article.last_checked}, {@code article.state}
 * and the validators for the next conditional GET), and single versions for diffs.
 */
public final class CheckQueries {

  private static final Logger LOG = LoggerFactory.getLogger(CheckQueries.class);

  private static final String TARGET_COLUMNS = "a.id, a.url, a.canonical_url, a.state, a.current_version,"
      + " COALESCE(a.check_etag, v.etag), COALESCE(a.check_last_modified, v.last_modified), v.text_sha256,"
      + " v.meta_sha256, v.word_count FROM article a"
      + " JOIN article_version v ON v.article_id=a.id AND v.version=a.current_version";

  /**
   * What an archived version was extracted from: the DOM the browser built when its text came from a rendering,
   * else the raw response body, with the content type and the URL it was extracted under.
   */
  public record SourcePage(byte[] body, String contentType, String url) {}

  private final Archive archive;

  public CheckQueries(Archive archive) {
    this.archive = archive;
  }

  /** The article archived under {@code url} or with that canonical URL, whatever its state. */
  public Optional<CheckTarget> target(String url) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT " + TARGET_COLUMNS
          + " WHERE a.url=? OR a.canonical_url=? ORDER BY (a.url=?) DESC LIMIT 1")) {
        ps.setString(1, url);
        ps.setString(2, url);
        ps.setString(3, url);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(target(rs)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw archive.fail("look up " + url, e);
      }
    }
  }

  /**
   * The live articles (not gone or moved), oldest first, optionally only those of one host and those first
   * archived at or after {@code since} (an ISO-8601 date or instant).
   */
  public List<CheckTarget> liveTargets(String host, String since) throws ArchiveException {
    StringBuilder sql = new StringBuilder("SELECT ").append(TARGET_COLUMNS).append(" WHERE a.state='live'");
    List<String> args = new ArrayList<>();
    if (host != null) {
      sql.append(" AND a.host=?");
      args.add(host);
    }
    if (since != null) {
      sql.append(" AND a.first_seen>=?");
      args.add(since);
    }
    sql.append(" ORDER BY a.id");
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setString(i + 1, args.get(i));
        }
        List<CheckTarget> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(target(rs));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("list the articles to check", e);
      }
    }
  }

  private static CheckTarget target(ResultSet rs) throws SQLException {
    return new CheckTarget(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getString(6), rs.getString(7), ContentHash.parse(rs.getString(8)), ContentHash.parse(rs.getString(9)),
        rs.getInt(10));
  }

  /**
   * Records a check: its row in {@code article_check}, the article's {@code last_checked} and {@code state},
   * and, when {@code newValidators} is true, the validators to send next time (null clears one).
   */
  public void record(CheckRecord r, String state, boolean newValidators, String etag, String lastModified)
      throws ArchiveException {
    synchronized (archive) {
      Connection c = archive.connection();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO article_check(run_id, article_id, fetch_id,"
          + " checked_at, outcome, version, words_added, words_removed, final_url, detail, change_kind)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
        if (r.runId() > 0) {
          ps.setLong(1, r.runId());
        } else {
          ps.setNull(1, Types.INTEGER);
        }
        ps.setLong(2, r.articleId());
        if (r.fetchId() > 0) {
          ps.setLong(3, r.fetchId());
        } else {
          ps.setNull(3, Types.INTEGER);
        }
        ps.setString(4, Timestamps.stored(r.checkedAt()));
        ps.setString(5, r.outcome());
        ps.setInt(6, r.version());
        ps.setInt(7, r.wordsAdded());
        ps.setInt(8, r.wordsRemoved());
        ps.setString(9, r.finalUrl());
        ps.setString(10, r.detail());
        ps.setString(11, r.changeKind());
        ps.executeUpdate();
        String sql = newValidators
            ? "UPDATE article SET last_checked=?, state=?, check_etag=?, check_last_modified=? WHERE id=?"
            : "UPDATE article SET last_checked=?, state=? WHERE id=?";
        try (PreparedStatement up = c.prepareStatement(sql)) {
          int i = 0;
          up.setString(++i, Timestamps.stored(r.checkedAt()));
          up.setString(++i, state);
          if (newValidators) {
            up.setString(++i, etag);
            up.setString(++i, lastModified);
          }
          up.setLong(++i, r.articleId());
          up.executeUpdate();
        }
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("record the check of article " + r.articleId(), e);
      }
    }
  }

  /**
   * Corrects what {@link Archive#store} wrote into a check's fetch row: the outcome (a 304 or an identical
   * page is {@code unchanged}, a page that lost its article is {@code failed}), and the URL the body really
   * came from when the article was stored under its archived URL. Null arguments leave a column as it is.
   */
  public void amendFetch(long fetchId, String outcome, String failureKind, String failureDetail, String finalUrl)
      throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("UPDATE fetch SET"
          + " outcome=COALESCE(?, outcome), failure_kind=COALESCE(?, failure_kind),"
          + " failure_detail=COALESCE(?, failure_detail), final_url=COALESCE(?, final_url) WHERE id=?")) {
        ps.setString(1, outcome);
        ps.setString(2, failureKind);
        ps.setString(3, failureDetail);
        ps.setString(4, finalUrl);
        ps.setLong(5, fetchId);
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("update fetch " + fetchId, e);
      }
    }
  }

  /** One version of an article. */
  public Optional<VersionRecord> version(long articleId, int version) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT " + ArchiveReader.VERSION_COLUMNS
          + " FROM article_version v WHERE v.article_id=? AND v.version=?")) {
        ps.setLong(1, articleId);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(ArchiveReader.versionRecord(rs)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw archive.fail("read version " + version + " of article " + articleId, e);
      }
    }
  }

  /**
   * The page version {@code version} of an article was extracted from; empty when it was not kept (an import of
   * text without its page, a raw page or rendered DOM missing from an older archive).
   */
  public Optional<SourcePage> sourcePage(long articleId, int version) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT COALESCE(f.final_url, a.url),"
          + " COALESCE(f.content_type, p.content_type), p.body_gzip, r.fetch_id IS NOT NULL, d.body_gzip"
          + " FROM article_version v JOIN article a ON a.id=v.article_id"
          + " LEFT JOIN fetch f ON f.id=v.fetch_id LEFT JOIN raw_page p ON p.sha256=v.raw_sha256"
          + " LEFT JOIN fetch_render r ON r.fetch_id=v.fetch_id AND r.for_text=1"
          + " LEFT JOIN rendered_dom d ON d.sha256=r.dom_sha256 WHERE v.article_id=? AND v.version=?")) {
        ps.setLong(1, articleId);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          boolean rendered = rs.getBoolean(4);
          // a rendered version's text came from its DOM: its raw response (a script's shell) would not do
          byte[] gz = rendered ? rs.getBytes(5) : rs.getBytes(3);
          if (gz == null) {
            return Optional.empty();
          }
          return Optional.of(new SourcePage(gunzip(gz), rendered ? "text/html; charset=utf-8" : rs.getString(2),
              rs.getString(1)));
        }
      } catch (SQLException e) {
        throw archive.fail("read the page of version " + version + " of article " + articleId, e);
      } catch (IOException e) {
        // judged against the archived hash alone, as without a stored page: at worst a false change, nothing lost
        LOG.warn("the stored page of version {} of article {} in {} is damaged ({}); checked without it", version,
            articleId, archive.file(), e.getMessage());
        return Optional.empty();
      }
    }
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  /** The checks of an article, oldest first. */
  public List<CheckRecord> checks(long articleId) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT run_id, article_id, fetch_id,"
          + " checked_at, outcome, version, words_added, words_removed, final_url, detail, change_kind"
          + " FROM article_check"
          + " WHERE article_id=? ORDER BY id")) {
        ps.setLong(1, articleId);
        List<CheckRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new CheckRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11)));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read the checks of article " + articleId, e);
      }
    }
  }

  /** Labels a version with the kind of edit that made it and the words added and removed. */
  public void label(long articleId, VersionChange c) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("UPDATE article_version SET change_kind=?,"
          + " words_added=?, words_removed=? WHERE article_id=? AND version=?")) {
        ps.setString(1, c.kind());
        ps.setInt(2, c.wordsAdded());
        ps.setInt(3, c.wordsRemoved());
        ps.setLong(4, articleId);
        ps.setInt(5, c.version());
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("label version " + c.version() + " of article " + articleId, e);
      }
    }
  }

  /** The labelled versions of an article, oldest first (version 1 has none, nor crawl versions of older archives). */
  public List<VersionChange> changes(long articleId) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT version, change_kind, words_added,"
          + " words_removed FROM article_version WHERE article_id=? AND change_kind IS NOT NULL ORDER BY version")) {
        ps.setLong(1, articleId);
        List<VersionChange> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new VersionChange(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read the change labels of article " + articleId, e);
      }
    }
  }

  /**
   * Replaces the text hash of a version whose text hashes differently now that counters and relative times
   * are left out of the hash: an archive from before that change keeps its versions, and the next check
   * compares like with like.
   */
  public void rehash(long articleId, int version, ContentHash textHash) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement(
          "UPDATE article_version SET text_sha256=? WHERE article_id=? AND version=?")) {
        ps.setString(1, textHash.toString());
        ps.setLong(2, articleId);
        ps.setInt(3, version);
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("update the text hash of version " + version + " of article " + articleId, e);
      }
    }
  }
}

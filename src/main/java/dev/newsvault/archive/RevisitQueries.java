package dev.newsvault.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The revisit queue (tables revisit and revisit_check). */
public final class RevisitQueries {

  private final Archive archive;

  public RevisitQueries(Archive archive) {
    this.archive = archive;
  }

  /**
   * Puts every live article first seen at or after {@code since} under revisit, unless it already is. Its
   * publication time comes from the first archived version, else from a feed or news sitemap entry.
   *
   * @return how many articles were added
   */
  public int enqueueSince(Instant since) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("INSERT OR IGNORE INTO revisit(url,"
          + " first_seen, published) SELECT a.url, a.first_seen, COALESCE(v.published, fe.published) FROM article a"
          + " LEFT JOIN article_version v ON v.article_id=a.id AND v.version=1"
          + " LEFT JOIN feed_entry fe ON fe.url=a.url"
          + " WHERE a.first_seen >= ? AND a.state='live' AND a.current_version > 0")) {
        ps.setString(1, since.toString());
        int n = ps.executeUpdate();
        archive.flush();
        return n;
      } catch (SQLException e) {
        throw archive.fail("add new articles to the revisit queue", e);
      }
    }
  }

  /** Every active article under revisit, with its checks oldest first. */
  public List<RevisitRecord> active() throws ArchiveException {
    synchronized (archive) {
      Connection c = archive.connection();
      Map<String, String[]> heads = new LinkedHashMap<>();
      Map<String, List<RevisitRecord.Check>> checks = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT url, first_seen, published FROM revisit WHERE state='active' ORDER BY url");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          heads.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
          checks.put(rs.getString(1), new ArrayList<>());
        }
      } catch (SQLException e) {
        throw archive.fail("read the revisit queue", e);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT k.url, k.checked_at, k.outcome FROM revisit_check k"
          + " JOIN revisit r ON r.url=k.url WHERE r.state='active' ORDER BY k.url, k.checked_at, k.id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<RevisitRecord.Check> l = checks.get(rs.getString(1));
          if (l != null) {
            l.add(new RevisitRecord.Check(rs.getString(2), rs.getString(3)));
          }
        }
      } catch (SQLException e) {
        throw archive.fail("read the revisit history", e);
      }
      List<RevisitRecord> out = new ArrayList<>();
      heads.forEach((url, h) -> out.add(new RevisitRecord(url, h[0], h[1], checks.get(url))));
      return out;
    }
  }

  /** Records one re-check of {@code url}. */
  public void recordCheck(String url, long runId, Instant at, String outcome) throws ArchiveException {
    synchronized (archive) {
      Connection c = archive.connection();
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO revisit_check(url, checked_at, outcome, run_id) VALUES (?,?,?,?)");
          PreparedStatement up = c.prepareStatement("UPDATE revisit SET checks=checks+1,"
              + " changes=changes + (CASE WHEN ?='changed' THEN 1 ELSE 0 END), last_checked=?, last_outcome=?"
              + " WHERE url=?")) {
        ins.setString(1, url);
        ins.setString(2, Timestamps.stored(at));
        ins.setString(3, outcome);
        ins.setLong(4, runId);
        ins.executeUpdate();
        up.setString(1, outcome);
        up.setString(2, Timestamps.stored(at));
        up.setString(3, outcome);
        up.setString(4, url);
        up.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("record the re-check of " + url, e);
      }
    }
  }

  /** Stores the next planned check of {@code url}, or ends its revisits with {@code endState} when null. */
  public void plan(String url, Instant next, Duration interval, String endState) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement(
          "UPDATE revisit SET next_check=?, interval_s=?, state=? WHERE url=?")) {
        ps.setString(1, next == null ? null : Timestamps.stored(next));
        if (interval == null) {
          ps.setNull(2, java.sql.Types.INTEGER);
        } else {
          ps.setLong(2, interval.getSeconds());
        }
        ps.setString(3, next == null ? endState : "active");
        ps.setString(4, url);
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("plan the revisit of " + url, e);
      }
    }
  }

  /** How many active revisits are due at {@code now}, and how many are active in all. */
  public long[] counts(Instant now) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT"
          + " COALESCE(SUM(CASE WHEN next_check <= ? THEN 1 ELSE 0 END),0), COUNT(*) FROM revisit"
          + " WHERE state='active' AND next_check IS NOT NULL")) {
        ps.setString(1, now.toString());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new long[] {rs.getLong(1), rs.getLong(2)};
        }
      } catch (SQLException e) {
        throw archive.fail("count due revisits", e);
      }
    }
  }

  /** The next {@code limit} planned re-checks, soonest first, with a title from the archive or a feed. */
  public List<RevisitQueueEntry> upcoming(int limit) throws ArchiveException {
    synchronized (archive) {
      List<RevisitQueueEntry> out = new ArrayList<>();
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT r.url, r.next_check, r.interval_s,"
          + " r.checks, r.changes, COALESCE((SELECT v.title FROM article a JOIN article_version v"
          + " ON v.article_id=a.id AND v.version=a.current_version WHERE a.url=r.url), fe.title)"
          + " FROM revisit r LEFT JOIN feed_entry fe ON fe.url=r.url"
          + " WHERE r.state='active' AND r.next_check IS NOT NULL ORDER BY r.next_check, r.url LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new RevisitQueueEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getString(6)));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read the revisit queue", e);
      }
    }
  }
}

package dev.newsvault.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Feeds and sitemaps fetched during discovery, and what their entries said (tables feed_source, feed_entry). */
public final class FeedQueries {

  private final Archive archive;

  public FeedQueries(Archive archive) {
    this.archive = archive;
  }

  /** The last fetch of a feed or sitemap, for its validators; empty when never fetched. */
  public Optional<FeedSourceRecord> source(String url) throws ArchiveException {
    List<FeedSourceRecord> l = sources("WHERE url=?", url);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Every feed and sitemap fetched, by URL. */
  public List<FeedSourceRecord> sources() throws ArchiveException {
    return sources("ORDER BY kind, url", null);
  }

  private List<FeedSourceRecord> sources(String where, String arg) throws ArchiveException {
    synchronized (archive) {
      List<FeedSourceRecord> out = new ArrayList<>();
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT url, kind, title, etag,"
          + " last_modified, last_fetched, last_status, entries, problem FROM feed_source " + where)) {
        if (arg != null) {
          ps.setString(1, arg);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new FeedSourceRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9)));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read feed sources", e);
      }
    }
  }

  /**
   * Records a fetch of a feed or sitemap. A 304 keeps the stored validators, title and count; a failure keeps
   * the validators so the next conditional GET still works.
   */
  public void recordSource(FeedSourceRecord s) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("INSERT INTO feed_source(url, kind, title,"
          + " etag, last_modified, last_fetched, last_status, entries, problem) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"
          + " ON CONFLICT(url) DO UPDATE SET kind=?2, last_fetched=?6, last_status=?7, problem=?9,"
          + " title=CASE WHEN ?7 BETWEEN 200 AND 299 THEN COALESCE(?3, title) ELSE title END,"
          + " etag=CASE WHEN ?7 BETWEEN 200 AND 299 THEN ?4 ELSE etag END,"
          + " last_modified=CASE WHEN ?7 BETWEEN 200 AND 299 THEN ?5 ELSE last_modified END,"
          + " entries=CASE WHEN ?7 BETWEEN 200 AND 299 THEN ?8 ELSE entries END")) {
        ps.setString(1, s.url());
        ps.setString(2, s.kind());
        ps.setString(3, s.title());
        ps.setString(4, s.etag());
        ps.setString(5, s.lastModified());
        ps.setString(6, s.lastFetched());
        ps.setInt(7, s.lastStatus());
        ps.setInt(8, s.entries());
        ps.setString(9, s.problem());
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("record feed source " + s.url(), e);
      }
    }
  }

  /** Records what a feed or sitemap said about an article URL; the newest listing's non-null values win. */
  public void recordEntry(String url, String sourceUrl, String sourceKind, String title, Instant published,
      String author, Instant seen) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("INSERT INTO feed_entry(url, source_url,"
          + " source_kind, title, published, author, first_seen, last_seen) VALUES (?1,?2,?3,?4,?5,?6,?7,?7)"
          + " ON CONFLICT(url) DO UPDATE SET source_url=?2, source_kind=?3, title=COALESCE(?4, title),"
          + " published=COALESCE(?5, published), author=COALESCE(?6, author), last_seen=?7")) {
        ps.setString(1, url);
        ps.setString(2, sourceUrl);
        ps.setString(3, sourceKind);
        ps.setString(4, title);
        ps.setString(5, published == null ? null : Timestamps.stored(published));
        ps.setString(6, author);
        ps.setString(7, Timestamps.stored(seen));
        ps.executeUpdate();
        archive.wrote();
      } catch (SQLException e) {
        throw archive.fail("record feed entry " + url, e);
      }
    }
  }

  /** What feeds or sitemaps said about {@code url}, if any listed it. */
  public Optional<FeedEntryRecord> entry(String url) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT url, source_url, source_kind, title,"
          + " published, author, first_seen, last_seen FROM feed_entry WHERE url=?")) {
        ps.setString(1, url);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new FeedEntryRecord(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
              : Optional.empty();
        }
      } catch (SQLException e) {
        throw archive.fail("read feed entry " + url, e);
      }
    }
  }

  /** How many article URLs feeds and sitemaps have listed. */
  public long entryCount() throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT COUNT(*) FROM feed_entry");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      } catch (SQLException e) {
        throw archive.fail("count feed entries", e);
      }
    }
  }
}

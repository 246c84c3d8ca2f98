package dev.newsvault.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notice queue: notices are written by the store path (in the transaction of the version they announce),
 * routed to channels and delivered by the notify package through these queries. Every read of the queue first
 * commits the archive's pending writes, so nothing is sent for a version that a crash could still undo.
 */
public final class NoticeQueries {

  private static final String DELIVERY_COLUMNS = "d.id, d.notice_id, d.channel, d.idempotency_key, d.state,"
      + " d.attempts, d.queued_at, d.next_attempt_at, d.last_error, a.url";

  private static final String NOTICE_SELECT = "SELECT n.id, n.article_id, a.url, a.host, v.version, n.created_at,"
      + " v.change_kind, v.words_added, v.words_removed FROM notice n JOIN article a ON a.id=n.article_id"
      + " JOIN article_version v ON v.id=n.version_id";

  private final Archive archive;

  public NoticeQueries(Archive archive) {
    this.archive = archive;
  }

  /** Queues the notice of a new version; called by the store path inside its transaction. */
  static void enqueue(Statements statements, long articleId, int version, String now) throws SQLException {
    PreparedStatement ps = statements.get("INSERT OR IGNORE INTO notice(article_id, version_id, created_at)"
        + " SELECT article_id, id, ? FROM article_version WHERE article_id=? AND version=?");
    ps.setString(1, now);
    ps.setLong(2, articleId);
    ps.setInt(3, version);
    ps.executeUpdate();
  }

  /** Notices not yet routed to channels, oldest first, after committing what was written so far. */
  public List<NoticeRecord> unrouted(int limit) throws ArchiveException {
    synchronized (archive) {
      archive.flush();
      try (PreparedStatement ps = conn().prepareStatement(
          NOTICE_SELECT + " WHERE n.routed_at IS NULL ORDER BY n.id LIMIT ?")) {
        ps.setInt(1, limit);
        List<NoticeRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(notice(rs));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read the notice queue", e);
      }
    }
  }

  /** One notice by id. */
  public java.util.Optional<NoticeRecord> notice(long id) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = conn().prepareStatement(NOTICE_SELECT + " WHERE n.id=?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? java.util.Optional.of(notice(rs)) : java.util.Optional.empty();
        }
      } catch (SQLException e) {
        throw archive.fail("read notice " + id, e);
      }
    }
  }

  private static NoticeRecord notice(ResultSet rs) throws SQLException {
    return new NoticeRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9));
  }

  /**
   * Routes a notice: one queued delivery per channel named, and the notice marked routed, committed together
   * (a notice routed to no channel is simply marked: nobody asked for it).
   */
  public void route(long noticeId, Collection<String> channels, Instant now) throws ArchiveException {
    synchronized (archive) {
      try {
        try (PreparedStatement ps = conn().prepareStatement("INSERT OR IGNORE INTO notice_delivery(notice_id,"
            + " channel, idempotency_key, queued_at, next_attempt_at) VALUES (?,?,?,?,?)")) {
          for (String c : channels) {
            ps.setLong(1, noticeId);
            ps.setString(2, c);
            ps.setString(3, "nv-" + noticeId + "-" + c);
            ps.setString(4, now.toString());
            ps.setString(5, now.toString());
            ps.executeUpdate();
          }
        }
        try (PreparedStatement ps = conn().prepareStatement("UPDATE notice SET routed_at=? WHERE id=?")) {
          ps.setString(1, now.toString());
          ps.setLong(2, noticeId);
          ps.executeUpdate();
        }
        archive.flush();
      } catch (SQLException e) {
        throw archive.fail("route notice " + noticeId, e);
      }
    }
  }

  /** The queued deliveries of {@code channel} due at {@code now}, oldest first. */
  public List<DeliveryRecord> due(String channel, Instant now, int limit) throws ArchiveException {
    return deliveries("d.state='queued' AND d.channel=? AND d.next_attempt_at<=? ORDER BY d.id LIMIT " + limit,
        channel, now.toString());
  }

  /** Deliveries in {@code state} (queued, sent, failed), newest first, at most {@code limit}. */
  public List<DeliveryRecord> inState(String state, int limit) throws ArchiveException {
    return deliveries("d.state=? ORDER BY d.id DESC LIMIT " + limit, state);
  }

  private List<DeliveryRecord> deliveries(String where, String... args) throws ArchiveException {
    synchronized (archive) {
      if (!archive.isReadOnly()) {
        archive.flush();
      }
      try (PreparedStatement ps = conn().prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM notice_delivery d"
          + " JOIN notice n ON n.id=d.notice_id JOIN article a ON a.id=n.article_id WHERE " + where)) {
        for (int i = 0; i < args.length; i++) {
          ps.setString(i + 1, args[i]);
        }
        List<DeliveryRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new DeliveryRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
          }
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read the notice deliveries", e);
      }
    }
  }

  /** Messages {@code channel} sent since {@code since}: a digest counts once, whatever it carried. */
  public int messagesSince(String channel, Instant since) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = conn().prepareStatement("SELECT count(DISTINCT message_key) FROM notice_delivery"
          + " WHERE channel=? AND state='sent' AND sent_at>?")) {
        ps.setString(1, channel);
        ps.setString(2, since.toString());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      } catch (SQLException e) {
        throw archive.fail("count the messages of channel " + channel, e);
      }
    }
  }

  /** The oldest send time among the messages of {@code channel} since {@code since}, or null. */
  public Instant oldestSentSince(String channel, Instant since) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = conn().prepareStatement("SELECT min(sent_at) FROM notice_delivery"
          + " WHERE channel=? AND state='sent' AND sent_at>?")) {
        ps.setString(1, channel);
        ps.setString(2, since.toString());
        try (ResultSet rs = ps.executeQuery()) {
          String s = rs.next() ? rs.getString(1) : null;
          return s == null ? null : Instant.parse(s);
        }
      } catch (SQLException e) {
        throw archive.fail("read the messages of channel " + channel, e);
      }
    }
  }

  /** Records that one message carried these deliveries, and commits at once: a crash now must not resend. */
  public void sent(Collection<Long> deliveryIds, String messageKey, Instant now) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = conn().prepareStatement("UPDATE notice_delivery SET state='sent', sent_at=?,"
          + " message_key=?, attempts=attempts+1, last_error=NULL WHERE id=?")) {
        for (long id : deliveryIds) {
          ps.setString(1, now.toString());
          ps.setString(2, messageKey);
          ps.setLong(3, id);
          ps.executeUpdate();
        }
        archive.flush();
      } catch (SQLException e) {
        throw archive.fail("record sent notices", e);
      }
    }
  }

  /** Records a failed attempt: queued again for {@code next}, or failed for good when {@code next} is null. */
  public void attemptFailed(Collection<Long> deliveryIds, String error, Instant next) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = conn().prepareStatement("UPDATE notice_delivery SET attempts=attempts+1,"
          + " last_error=?, state=?, next_attempt_at=COALESCE(?, next_attempt_at) WHERE id=?")) {
        for (long id : deliveryIds) {
          ps.setString(1, error);
          ps.setString(2, next == null ? "failed" : "queued");
          ps.setString(3, next == null ? null : next.toString());
          ps.setLong(4, id);
          ps.executeUpdate();
        }
        archive.flush();
      } catch (SQLException e) {
        throw archive.fail("record a failed notice", e);
      }
    }
  }

  /** Queues every failed delivery again, due now, with a new give-up clock; returns how many. */
  public int requeueFailed(Instant now) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = conn().prepareStatement("UPDATE notice_delivery SET state='queued', queued_at=?,"
          + " next_attempt_at=? WHERE state='failed'")) {
        ps.setString(1, now.toString());
        ps.setString(2, now.toString());
        int n = ps.executeUpdate();
        archive.flush();
        return n;
      } catch (SQLException e) {
        throw archive.fail("queue failed notices again", e);
      }
    }
  }

  /** Makes every queued delivery due now (a retry waiting on its back-off goes at once). */
  public void dueNow(Instant now) throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = conn().prepareStatement("UPDATE notice_delivery SET next_attempt_at=?"
          + " WHERE state='queued' AND next_attempt_at>?")) {
        ps.setString(1, now.toString());
        ps.setString(2, now.toString());
        ps.executeUpdate();
        archive.flush();
      } catch (SQLException e) {
        throw archive.fail("make queued notices due", e);
      }
    }
  }

  /** Deliveries per state (queued, sent, failed), and notices not routed yet under "unrouted". */
  public Map<String, Long> counts() throws ArchiveException {
    synchronized (archive) {
      Map<String, Long> out = new LinkedHashMap<>();
      out.put("queued", 0L);
      out.put("sent", 0L);
      out.put("failed", 0L);
      try (PreparedStatement ps = conn().prepareStatement("SELECT state, count(*) FROM notice_delivery GROUP BY state");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      } catch (SQLException e) {
        throw archive.fail("count notices", e);
      }
      try (PreparedStatement ps = conn().prepareStatement("SELECT count(*) FROM notice WHERE routed_at IS NULL");
          ResultSet rs = ps.executeQuery()) {
        out.put("unrouted", rs.next() ? rs.getLong(1) : 0L);
      } catch (SQLException e) {
        throw archive.fail("count notices", e);
      }
      return out;
    }
  }

  private Connection conn() {
    return archive.connection();
  }
}

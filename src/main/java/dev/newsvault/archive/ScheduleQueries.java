package dev.newsvault.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Run state of scheduled jobs (table schedule_state): last run, its outcome, next run. */
public final class ScheduleQueries {

  private final Archive archive;

  public ScheduleQueries(Archive archive) {
    this.archive = archive;
  }

  /** Every job's state, by name. */
  public Map<String, ScheduleState> states() throws ArchiveException {
    synchronized (archive) {
      Map<String, ScheduleState> out = new LinkedHashMap<>();
      try (PreparedStatement ps = archive.connection().prepareStatement("SELECT name, last_started, last_finished,"
          + " last_outcome, last_summary, last_run_id, next_run, runs, failures FROM schedule_state ORDER BY name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long runId = rs.getLong(6);
          Long id = rs.wasNull() ? null : runId;
          out.put(rs.getString(1), new ScheduleState(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), id, rs.getString(7), rs.getLong(8), rs.getLong(9)));
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read the schedule state", e);
      }
    }
  }

  /** Notes that job {@code name} started at {@code at}; committed at once so status and --once see it. */
  public void started(String name, Instant at, Instant next) throws ArchiveException {
    update(name, "INSERT INTO schedule_state(name, last_started, last_outcome, next_run) VALUES (?1, ?2, 'running', ?3)"
        + " ON CONFLICT(name) DO UPDATE SET last_started=?2, last_outcome='running', next_run=?3",
        Timestamps.stored(at), str(next), null, null, null);
  }

  /** Notes how job {@code name} ended. */
  public void finished(String name, Instant at, String outcome, String summary, Long runId, Instant next)
      throws ArchiveException {
    update(name, "INSERT INTO schedule_state(name, last_finished, last_outcome, last_summary, last_run_id, next_run,"
        + " runs, failures) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, CASE WHEN ?3='failed' THEN 1 ELSE 0 END)"
        + " ON CONFLICT(name) DO UPDATE SET last_finished=?2, last_outcome=?3, last_summary=?4,"
        + " last_run_id=COALESCE(?5, last_run_id), next_run=?6, runs=runs+1,"
        + " failures=failures + CASE WHEN ?3='failed' THEN 1 ELSE 0 END",
        Timestamps.stored(at), outcome, summary, runId, str(next));
  }

  /** Records only the next planned run (after a skipped run). */
  public void planned(String name, Instant next) throws ArchiveException {
    update(name, "INSERT INTO schedule_state(name, next_run) VALUES (?1, ?2)"
        + " ON CONFLICT(name) DO UPDATE SET next_run=?2", str(next), null, null, null, null);
  }

  private void update(String name, String sql, Object a, Object b, Object c, Object d, Object e)
      throws ArchiveException {
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement(sql)) {
        ps.setString(1, name);
        Object[] args = {a, b, c, d, e};
        int n = ps.getParameterMetaData().getParameterCount();
        for (int i = 0; i < n - 1; i++) {
          ps.setObject(i + 2, args[i]);
        }
        ps.executeUpdate();
        archive.flush();
      } catch (SQLException ex) {
        throw archive.fail("record the schedule state of " + name, ex);
      }
    }
  }

  private static String str(Instant i) {
    return i == null ? null : Timestamps.stored(i);
  }
}

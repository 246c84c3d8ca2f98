package dev.newsvault.archive;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** What a crawl needs to know about the frontier before it starts: whether to resume, and what is known. */
public final class FrontierState {

  private final Archive archive;

  public FrontierState(Archive archive) {
    this.archive = archive;
  }

  /**
   * The status of the run that last added to the frontier (running, interrupted, finished, failed), or
   * empty when the frontier is empty. A status other than finished means that crawl did not end normally.
   */
  public Optional<String> lastRunStatus() throws ArchiveException {
    synchronized (archive) {
      try (Statement st = archive.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT r.status FROM crawl_run r"
              + " WHERE r.id = (SELECT MAX(run_id) FROM frontier)")) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      } catch (SQLException e) {
        throw archive.fail("read the last crawl run", e);
      }
    }
  }

  /** Every URL in the frontier that is already done, so a resumed crawl does not fetch it again. */
  public Set<String> doneUrls() throws ArchiveException {
    Set<String> out = new HashSet<>();
    synchronized (archive) {
      try (PreparedStatement ps = archive.connection().prepareStatement(
              "SELECT url FROM frontier WHERE state='done'");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      } catch (SQLException e) {
        throw archive.fail("read the done URLs of the frontier", e);
      }
    }
  }
}

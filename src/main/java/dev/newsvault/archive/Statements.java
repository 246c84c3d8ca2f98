package dev.newsvault.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Statements of one connection's write path, prepared on first use and kept until {@link #close()}:
 * SQLite spends about as long preparing a short statement as running it, and a crawl or an import runs
 * the same few statements for every page. Not thread-safe: callers hold the archive's monitor, as every
 * use of its connection does.
 */
final class Statements implements AutoCloseable {

  private final Connection conn;
  private final Map<String, PreparedStatement> plain = new HashMap<>();

  Statements(Connection conn) {
    this.conn = conn;
  }

  /** The statement for {@code sql}; its parameters are whatever the last use set, so set them all. */
  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement ps = plain.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      plain.put(sql, ps);
    }
    return ps;
  }

  /**
   * The row id of the last row this connection inserted. The driver's {@code getGeneratedKeys} prepares this
   * same query anew on every call; a crawl reads two a page.
   */
  long lastRowId() throws SQLException {
    try (ResultSet rs = get("SELECT last_insert_rowid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    for (PreparedStatement ps : plain.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        // closing a finished statement fails only when the connection is gone; nothing is left to release
      }
    }
    plain.clear();
  }
}

package dev.newsvault.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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
  private final Map<String, PreparedStatement> withKeys = new HashMap<>();

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

  /** As {@link #get}, for an INSERT whose generated row id is read back. */
  PreparedStatement returningKeys(String sql) throws SQLException {
    PreparedStatement ps = withKeys.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
      withKeys.put(sql, ps);
    }
    return ps;
  }

  @Override
  public void close() {
    for (Map<String, PreparedStatement> m : java.util.List.of(plain, withKeys)) {
      for (PreparedStatement ps : m.values()) {
        try {
          ps.close();
        } catch (SQLException e) {
          // closing a finished statement fails only when the connection is gone; nothing is left to release
        }
      }
      m.clear();
    }
  }
}

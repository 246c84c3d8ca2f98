package dev.newsvault.warc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads an archive with plain SQL, to compare what two imports wrote. */
final class Db {

  private Db() {}

  /** Each row's columns joined by '|', in the query's order. */
  static List<String> rows(Path db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  static long count(Path db, String sql) throws SQLException {
    return Long.parseLong(rows(db, sql).get(0));
  }

  /** Every article version with what identifies it, ordered: what two equivalent archives must share. */
  static List<String> versions(Path db) throws SQLException {
    return rows(db, "SELECT a.url, v.version, v.text_sha256, v.meta_sha256, v.fetched_at, v.raw_sha256, v.title"
        + " FROM article_version v JOIN article a ON a.id=v.article_id ORDER BY a.url, v.version");
  }
}

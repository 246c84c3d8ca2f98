package dev.newsvault.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/** Test support: an archive taken back to an older schema, as an older newsvault left it. */
public final class OlderSchema {

  private OlderSchema() {}

  /** Drops every view, table, index, trigger and column that migrations after {@code version} added. */
  public static void rollBackTo(Path db, int version) throws Exception {
    Path ref = db.resolveSibling(db.getFileName() + ".schema-" + version + ".db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ref)) {
      Migrations.apply(c, version);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("ATTACH DATABASE '" + ref + "' AS ref");
      List<String[]> extra = new java.util.ArrayList<>();
      // a virtual table goes before the tables that hold its data, which go with it
      try (var rs = st.executeQuery("SELECT type, name, sql LIKE 'CREATE VIRTUAL%' FROM main.sqlite_master"
          + " WHERE name NOT LIKE 'sqlite_%' AND name NOT IN (SELECT name FROM ref.sqlite_master)"
          + " AND type IN ('view', 'trigger', 'index', 'table')")) {
        while (rs.next()) {
          extra.add(new String[] {rs.getString(1), rs.getString(2), rs.getBoolean(3) ? "virtual" : rs.getString(1)});
        }
      }
      extra.sort((x, y) -> order(x[2]) - order(y[2]));
      for (String[] e : extra) {
        st.execute("DROP " + e[0].toUpperCase(java.util.Locale.ROOT) + " IF EXISTS \"" + e[1] + "\"");
      }
      List<String[]> columns = new java.util.ArrayList<>();
      try (var rs = st.executeQuery("SELECT name FROM ref.sqlite_master WHERE type = 'table'")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1)});
        }
      }
      for (String[] t : columns) {
        List<String> keep = new java.util.ArrayList<>();
        try (var rs = st.executeQuery("SELECT name FROM pragma_table_info('" + t[0] + "', 'ref')")) {
          while (rs.next()) {
            keep.add(rs.getString(1));
          }
        }
        List<String> drop = new java.util.ArrayList<>();
        try (var rs = st.executeQuery("SELECT name FROM pragma_table_info('" + t[0] + "', 'main')")) {
          while (rs.next()) {
            if (!keep.contains(rs.getString(1))) {
              drop.add(rs.getString(1));
            }
          }
        }
        for (String col : drop) {
          st.execute("ALTER TABLE main.\"" + t[0] + "\" DROP COLUMN \"" + col + "\"");
        }
      }
      st.execute("DETACH DATABASE ref");
      st.execute("PRAGMA user_version = " + version);
    }
    Files.delete(ref);
  }

  private static int order(String type) {
    return switch (type) {
      case "view" -> -1; // views first: a column they read cannot be dropped under them
      case "trigger" -> 0;
      case "index" -> 1;
      case "virtual" -> 2;
      default -> 3;
    };
  }
}

package dev.newsvault.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the numbered schema files {@code db/V<n>__<name>.sql} in rising order, each in one transaction, and
 * records the number reached in SQLite's {@code user_version}. The list of files is {@code db/migrations.txt};
 * numbers rise but may skip (features reserve their own numbers).
 */
final class Migrations {

  private Migrations() {}

  static int apply(Connection c) throws SQLException, ArchiveException {
    return apply(c, Integer.MAX_VALUE);
  }

  /** Applies the migrations numbered up to {@code upTo}: an archive as an older newsvault left it. */
  static int apply(Connection c, int upTo) throws SQLException, ArchiveException {
    List<String> files = list().stream().filter(f -> number(f) <= upTo).toList();
    int latest = number(files.get(files.size() - 1));
    int current = version(c);
    if (current > latest) {
      throw new ArchiveException("the archive has schema version " + current + " but this newsvault knows only "
          + latest + "; use a newer newsvault to open it");
    }
    MigrationProgress.register(c);
    ExportFieldsFill.register(c);
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (String f : files) {
        int v = number(f);
        if (v <= current) {
          continue;
        }
        try (Statement st = c.createStatement()) {
          for (String sql : statements(read(f))) {
            st.execute(sql);
          }
          st.execute("PRAGMA user_version = " + v);
        }
        c.commit();
      }
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    return latest;
  }

  private static int number(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
  }

  /** The schema version of an open archive. */
  static int version(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** The newest schema version this build knows. */
  static int latest() throws ArchiveException {
    List<String> files = list();
    return number(files.get(files.size() - 1));
  }

  private static List<String> list() throws ArchiveException {
    List<String> out = new ArrayList<>();
    for (String line : read("migrations.txt").split("\n")) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        if (!s.matches("V\\d+__[\\w-]+\\.sql")
            || (!out.isEmpty() && number(s) <= number(out.get(out.size() - 1)))) {
          throw new IllegalStateException("db/migrations.txt: '" + s + "' is not V<n>__<name>.sql in rising order");
        }
        out.add(s);
      }
    }
    return out;
  }

  private static String read(String name) throws ArchiveException {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/" + name)) {
      if (in == null) {
        throw new ArchiveException("schema resource db/" + name + " is missing from the jar; rebuild newsvault");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ArchiveException("cannot read schema resource db/" + name, e);
    }
  }

  /** Splits a script on semicolons that end a line, dropping {@code --} comments. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : script.split("\n")) {
      int dash = line.indexOf("--");
      String code = dash >= 0 ? line.substring(0, dash) : line;
      cur.append(code).append('\n');
      if (code.stripTrailing().endsWith(";")) {
        String s = cur.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}

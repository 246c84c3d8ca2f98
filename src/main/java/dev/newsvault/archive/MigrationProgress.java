package dev.newsvault.archive;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL functions a migration calls once per row it fills, {@code search_index_progress(total)} (schema 60, the
 * search index) and {@code export_fields_progress(total)} (schema 140, the stored export fields): on a large
 * archive an upgrade takes a while, so every few seconds a line on stderr says how far it is. They always return
 * 1 (true), so they filter nothing.
 */
final class MigrationProgress extends Function {

  private static final long EVERY_NANOS = 3_000_000_000L;

  private final String what;
  private final long start = System.nanoTime();
  private long last = start;
  private long done;

  private MigrationProgress(String what) {
    this.what = what;
  }

  /** Makes the functions available to the migrations run on {@code c}. */
  static void register(Connection c) throws SQLException {
    Function.create(c, "search_index_progress", new MigrationProgress("building the search index"));
    Function.create(c, "export_fields_progress", new MigrationProgress("storing the export fields"));
  }

  @Override
  protected void xFunc() throws SQLException {
    done++;
    long now = System.nanoTime();
    if (now - last >= EVERY_NANOS) {
      last = now;
      long total = Math.max(done, value_long(0));
      System.err.printf("newsvault: %s: %,d of %,d article versions (%d%%), %d s%n",
          what, done, total, done * 100 / total, (now - start) / 1_000_000_000L);
    }
    result(1);
  }
}

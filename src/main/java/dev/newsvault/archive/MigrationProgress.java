package dev.newsvault.archive;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL function {@code search_index_progress(total)} that the search-index migration calls once per article
 * version it indexes: on a large archive the upgrade takes a while, so every few seconds a line on stderr says
 * how far it is. It always returns 1 (true), so it filters nothing.
 */
final class SearchIndexProgress extends Function {

  private static final long EVERY_NANOS = 3_000_000_000L;

  private final long start = System.nanoTime();
  private long last = start;
  private long done;

  private SearchIndexProgress() {}

  /** Makes the function available to the migrations run on {@code c}. */
  static void register(Connection c) throws SQLException {
    Function.create(c, "search_index_progress", new SearchIndexProgress());
  }

  @Override
  protected void xFunc() throws SQLException {
    done++;
    long now = System.nanoTime();
    if (now - last >= EVERY_NANOS) {
      last = now;
      long total = Math.max(done, value_long(0));
      System.err.printf("newsvault: building the search index: %,d of %,d article versions (%d%%), %d s%n",
          done, total, done * 100 / total, (now - start) / 1_000_000_000L);
    }
    result(1);
  }
}

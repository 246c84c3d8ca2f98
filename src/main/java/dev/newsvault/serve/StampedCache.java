package dev.newsvault.serve;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.WebQueries;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers of the queries that read a whole table (counts, per-site figures, the list of sites), kept while the
 * archive has not changed. Each use first reads the archive's {@link WebQueries.Stamp} (a few index lookups), so
 * a page never shows figures older than the last write: new articles appear without a restart, and an archive
 * nobody writes to is summed once instead of on every request.
 */
final class StampedCache {

  /** Far more than the keys in use (a few per site); a bound so odd requests cannot grow it without end. */
  private static final int MAX_ENTRIES = 2_000;

  /** One query whose answer is kept. */
  @FunctionalInterface
  interface Query<T> {
    T run() throws ArchiveException;
  }

  private record Entry(WebQueries.Stamp stamp, Object value) {}

  private final WebQueries queries;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  StampedCache(WebQueries queries) {
    this.queries = queries;
  }

  /**
   * The answer of {@code query} under {@code key}, run again only when the archive changed since it was kept. An
   * answer read just after a write may be newer than its stamp; then it is only run once more than needed.
   */
  @SuppressWarnings("unchecked")
  <T> T get(String key, Query<T> query) throws ArchiveException {
    WebQueries.Stamp now = queries.stamp();
    Entry e = entries.get(key);
    if (e != null && e.stamp().equals(now)) {
      return (T) e.value();
    }
    T value = query.run();
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(key, new Entry(now, value));
    return value;
  }
}

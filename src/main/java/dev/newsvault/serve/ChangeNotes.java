package dev.newsvault.serve;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.WebQueries;
import dev.newsvault.check.DiffSnippet;
import dev.newsvault.check.VersionLabels;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kind of change and the short word diff of each stored version, for the Atom feeds: computed from the
 * two versions the way {@code check} labels them, and kept (a stored version never changes).
 */
final class ChangeNotes {

  /** What a feed entry says about one version. */
  record Note(String kind, String diff) {}

  private static final int MAX_CACHED = 10_000;

  private final WebQueries queries;
  private final Map<String, Note> cache = new ConcurrentHashMap<>();

  ChangeNotes(WebQueries queries) {
    this.queries = queries;
  }

  Note of(WebQueries.Change c) throws ArchiveException {
    String key = c.articleId() + ":" + c.version();
    Note n = cache.get(key);
    if (n != null) {
      return n;
    }
    List<VersionRecord> versions = queries.versions(c.articleId());
    VersionRecord before = null;
    VersionRecord after = null;
    for (VersionRecord v : versions) {
      if (v.version() == c.version() - 1) {
        before = v;
      } else if (v.version() == c.version()) {
        after = v;
      }
    }
    n = before == null || after == null ? new Note("change", "")
        : new Note(VersionLabels.of(before, after).kind(), DiffSnippet.of(before, after));
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, n);
    return n;
  }
}

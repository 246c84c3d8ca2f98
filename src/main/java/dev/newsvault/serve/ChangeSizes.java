package dev.newsvault.serve;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.WebQueries;
import dev.newsvault.check.TextDiff;
import dev.newsvault.check.WordDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words added and removed by each stored version, with check's word diff. A check records the figures; a
 * change found by a crawl does not, so they are computed here once and kept (a stored version never changes).
 */
final class ChangeSizes {

  private static final int MAX_CACHED = 50_000;

  private final WebQueries queries;
  private final Map<String, int[]> cache = new ConcurrentHashMap<>();

  ChangeSizes(WebQueries queries) {
    this.queries = queries;
  }

  /** The changes, each with its words added and removed filled in. */
  List<WebQueries.Change> fill(List<WebQueries.Change> changes) throws ArchiveException {
    List<WebQueries.Change> out = new ArrayList<>(changes.size());
    for (WebQueries.Change c : changes) {
      if (c.wordsAdded() != null && c.wordsRemoved() != null) {
        out.add(c);
        continue;
      }
      int[] size = cache.get(key(c.articleId(), c.version()));
      if (size == null) {
        List<VersionRecord> versions = queries.versions(c.articleId());
        remember(c.articleId(), versions);
        size = cache.getOrDefault(key(c.articleId(), c.version()), new int[2]);
      }
      out.add(c.withWords(size[0], size[1]));
    }
    return out;
  }

  /** Words added and removed by each of these versions (oldest first) against the one before it. */
  int[][] sizes(long articleId, List<VersionRecord> versions) {
    remember(articleId, versions);
    int[][] out = new int[versions.size()][];
    for (int i = 0; i < versions.size(); i++) {
      out[i] = cache.getOrDefault(key(articleId, versions.get(i).version()), new int[2]);
    }
    return out;
  }

  private void remember(long articleId, List<VersionRecord> versions) {
    for (int i = 1; i < versions.size(); i++) {
      String k = key(articleId, versions.get(i).version());
      if (!cache.containsKey(k)) {
        TextDiff d = WordDiff.of(versions.get(i - 1).text(), versions.get(i).text());
        if (cache.size() >= MAX_CACHED) {
          cache.clear();
        }
        cache.put(k, new int[] {d.wordsAdded(), d.wordsRemoved()});
      }
    }
  }

  private static String key(long articleId, int version) {
    return articleId + ":" + version;
  }
}

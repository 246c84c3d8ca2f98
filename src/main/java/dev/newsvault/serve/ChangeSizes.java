package dev.newsvault.serve;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.WebQueries;
import dev.newsvault.check.TextDiff;
import dev.newsvault.check.VersionLabels;
import dev.newsvault.check.WordDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words added and removed by each stored version, with check's word diff, and its kind of change. A check
 * records the figures and every build since the change kinds labels its versions; a change found by a crawl
 * records no figures, and an archive from before the kinds holds versions without one, so they are computed
 * here once and kept (a stored version never changes).
 */
final class ChangeSizes {

  private static final int MAX_CACHED = 50_000;

  /** What one version changed against the one before it. */
  record Size(int added, int removed, String kind) {}

  private final WebQueries queries;
  private final Map<String, Size> cache = new ConcurrentHashMap<>();

  ChangeSizes(WebQueries queries) {
    this.queries = queries;
  }

  /** The changes, each with its words added and removed and its kind filled in. */
  List<WebQueries.Change> fill(List<WebQueries.Change> changes) throws ArchiveException {
    List<WebQueries.Change> out = new ArrayList<>(changes.size());
    for (WebQueries.Change c : changes) {
      if (c.wordsAdded() != null && c.wordsRemoved() != null && c.changeKind() != null) {
        out.add(c);
        continue;
      }
      Size size = cache.get(key(c.articleId(), c.version()));
      if (size == null) {
        List<VersionRecord> versions = queries.versions(c.articleId());
        remember(c.articleId(), versions, queries.changeKinds(c.articleId()));
        size = cache.getOrDefault(key(c.articleId(), c.version()), new Size(0, 0, null));
      }
      out.add(c.withWords(c.wordsAdded() != null ? c.wordsAdded() : size.added(),
          c.wordsRemoved() != null ? c.wordsRemoved() : size.removed(),
          c.changeKind() != null ? c.changeKind() : size.kind()));
    }
    return out;
  }

  /** What each of these versions (oldest first) changed against the one before it; the first changed nothing. */
  List<Size> sizes(long articleId, List<VersionRecord> versions) throws ArchiveException {
    remember(articleId, versions, queries.changeKinds(articleId));
    List<Size> out = new ArrayList<>(versions.size());
    for (VersionRecord v : versions) {
      out.add(cache.getOrDefault(key(articleId, v.version()), new Size(0, 0, null)));
    }
    return out;
  }

  private void remember(long articleId, List<VersionRecord> versions, Map<Integer, String> stored) {
    for (int i = 1; i < versions.size(); i++) {
      VersionRecord before = versions.get(i - 1);
      VersionRecord after = versions.get(i);
      String k = key(articleId, after.version());
      if (!cache.containsKey(k)) {
        TextDiff d = WordDiff.of(before.text(), after.text());
        String kind = stored.get(after.version());
        if (kind == null) {
          kind = VersionLabels.of(before, after).kind(); // an archive from before the kinds
        }
        if (cache.size() >= MAX_CACHED) {
          cache.clear();
        }
        cache.put(k, new Size(d.wordsAdded(), d.wordsRemoved(), kind));
      }
    }
  }

  private static String key(long articleId, int version) {
    return articleId + ":" + version;
  }
}

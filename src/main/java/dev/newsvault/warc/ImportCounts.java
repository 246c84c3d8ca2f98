package dev.newsvault.warc;

import dev.newsvault.archive.StoreResult;
import java.util.EnumMap;
import java.util.Map;

/** Running tallies of one import; one thread (the writer) updates them. */
public final class ImportCounts {

  private long records;
  private long others;
  private long imported;
  private long newArticles;
  private long changed;
  private long unchanged;
  private long notArticles;
  private final Map<SkipKind, Long> skipped = new EnumMap<>(SkipKind.class);

  void record() {
    records++;
  }

  void other() {
    others++;
  }

  void skip(SkipKind kind) {
    skipped.merge(kind, 1L, Long::sum);
  }

  void stored(StoreResult r) {
    imported++;
    switch (r.change()) {
      case NEW -> newArticles++;
      case CHANGED -> changed++;
      case UNCHANGED -> unchanged++;
      default -> notArticles++;
    }
  }

  void add(ImportCounts o) {
    records += o.records;
    others += o.others;
    imported += o.imported;
    newArticles += o.newArticles;
    changed += o.changed;
    unchanged += o.unchanged;
    notArticles += o.notArticles;
    o.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
  }

  /** WARC records read, of every type. */
  public long records() {
    return records;
  }

  /** Records that are not captures (warcinfo, request, metadata, resource, ...): read and passed over. */
  public long others() {
    return others;
  }

  /** HTML captures written to the archive (as articles or as pages). */
  public long imported() {
    return imported;
  }

  public long newArticles() {
    return newArticles;
  }

  /** Captures that became a new version of an article already archived. */
  public long changed() {
    return changed;
  }

  public long unchanged() {
    return unchanged;
  }

  /** Pages archived without an article (section fronts, short pages). */
  public long notArticles() {
    return notArticles;
  }

  public long skipped(SkipKind kind) {
    return skipped.getOrDefault(kind, 0L);
  }

  public long skipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<SkipKind, Long> skippedByKind() {
    return Map.copyOf(skipped);
  }
}

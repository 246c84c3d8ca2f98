package dev.newsvault.check;

import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.VersionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The metadata that differs between two versions (title, authors, dates, description), one line each. */
public final class MetadataChanges {

  private MetadataChanges() {}

  /** Lines such as {@code title: [-Old-]{+New+}}; empty when the metadata is the same. */
  public static List<String> between(VersionRecord a, VersionRecord b, DiffRenderer renderer) {
    List<String> out = new ArrayList<>();
    add(out, renderer, "title", a.title(), b.title());
    add(out, renderer, "authors", String.join("; ", a.authors()), String.join("; ", b.authors()));
    addWhole(out, renderer, "published", a.published(), b.published());
    addWhole(out, renderer, "modified", a.modified(), b.modified());
    add(out, renderer, "description", a.description(), b.description());
    return out;
  }

  /** Dates change as a whole: {@code modified: [-2022-04-01T12:30:00+01:00-]{+2026-11-23T12:20:21Z+}}. */
  private static void addWhole(List<String> out, DiffRenderer r, String name, String before, String after) {
    String x = ContentHash.normalize(before);
    String y = ContentHash.normalize(after);
    if (!Objects.equals(x, y)) {
      out.add(name + ": " + r.mark(x, y));
    }
  }

  private static void add(List<String> out, DiffRenderer r, String name, String before, String after) {
    String x = ContentHash.normalize(before);
    String y = ContentHash.normalize(after);
    if (Objects.equals(x, y)) {
      return;
    }
    TextDiff d = WordDiff.of(x, y);
    StringBuilder line = new StringBuilder(name).append(": ");
    for (TextDiff.Segment s : d.segments()) {
      line.append(s.isChange() ? r.mark(s.deleted(), s.inserted()) : s.same());
    }
    out.add(line.toString());
  }
}

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
    add(out, renderer, "published", a.published(), b.published());
    add(out, renderer, "modified", a.modified(), b.modified());
    add(out, renderer, "description", a.description(), b.description());
    return out;
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

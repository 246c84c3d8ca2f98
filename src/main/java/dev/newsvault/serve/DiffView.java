package dev.newsvault.serve;

import dev.newsvault.archive.ArticleRecord;
import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.check.TextDiff;
import dev.newsvault.check.WordDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the diff page of two versions from check's {@link WordDiff}: inline, side by side, and metadata. */
final class DiffView {

  private DiffView() {}

  static Models.DiffPage of(ArticleRecord article, VersionRecord a, VersionRecord b, List<Integer> versions,
      String changeKind) {
    TextDiff d = WordDiff.of(a.text(), b.text());
    List<Models.Piece> inline = pieces(d);
    List<Models.FieldChange> fields = new ArrayList<>();
    field(fields, "title", a.title(), b.title());
    field(fields, "authors", String.join("; ", a.authors()), String.join("; ", b.authors()));
    whole(fields, "published", a.published(), b.published());
    whole(fields, "modified", a.modified(), b.modified());
    field(fields, "description", a.description(), b.description());
    return new Models.DiffPage(article, a.version(), b.version(), a.fetchedAt(), b.fetchedAt(),
        a.textHash().toString(), b.textHash().toString(), d.wordsAdded(), d.wordsRemoved(), fields, inline,
        rows(inline), versions, changeKind, List.of());
  }

  private static void field(List<Models.FieldChange> out, String name, String before, String after) {
    String x = ContentHash.normalize(before);
    String y = ContentHash.normalize(after);
    if (!Objects.equals(x, y)) {
      out.add(new Models.FieldChange(name, before, after, pieces(WordDiff.of(x, y))));
    }
  }

  /** Dates change as a whole, as in check's metadata changes: the old value struck, the new one inserted. */
  private static void whole(List<Models.FieldChange> out, String name, String before, String after) {
    String x = ContentHash.normalize(before);
    String y = ContentHash.normalize(after);
    if (!Objects.equals(x, y)) {
      List<Models.Piece> p = new ArrayList<>();
      if (!x.isEmpty()) {
        p.add(new Models.Piece(x, "del"));
      }
      if (!y.isEmpty()) {
        p.add(new Models.Piece(y, "ins"));
      }
      out.add(new Models.FieldChange(name, before, after, p));
    }
  }

  private static List<Models.Piece> pieces(TextDiff d) {
    List<Models.Piece> out = new ArrayList<>();
    for (TextDiff.Segment s : d.segments()) {
      if (!s.isChange()) {
        out.add(new Models.Piece(s.same(), "same"));
        continue;
      }
      if (!s.deleted().isEmpty()) {
        out.add(new Models.Piece(s.deleted(), "del"));
      }
      if (!s.inserted().isEmpty()) {
        out.add(new Models.Piece(s.inserted(), "ins"));
      }
    }
    return out;
  }

  /**
   * Rows of the side-by-side view: a new row starts at each paragraph break in unchanged text, so both sides of
   * a row hold the same paragraph (a change that adds or removes a break stays within its row).
   */
  static List<Models.Row> rows(List<Models.Piece> pieces) {
    List<Models.Row> rows = new ArrayList<>();
    List<Models.Piece> left = new ArrayList<>();
    List<Models.Piece> right = new ArrayList<>();
    boolean changed = false;
    for (Models.Piece p : pieces) {
      if (!p.kind().equals("same")) {
        (p.kind().equals("del") ? left : right).add(p);
        changed = true;
        continue;
      }
      String[] parts = p.text().split("\n\n", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          rows.add(new Models.Row(List.copyOf(left), List.copyOf(right), changed));
          left.clear();
          right.clear();
          changed = false;
        }
        if (!parts[i].isEmpty()) {
          left.add(new Models.Piece(parts[i], "same"));
          right.add(new Models.Piece(parts[i], "same"));
        }
      }
    }
    if (!left.isEmpty() || !right.isEmpty()) {
      rows.add(new Models.Row(List.copyOf(left), List.copyOf(right), changed));
    }
    return rows;
  }
}

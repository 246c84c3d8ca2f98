package dev.newsvault.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link TextDiff} for reading: deletions and insertions marked as {@code [-deleted-]{+inserted+}}
 * (the wdiff convention) or coloured with ANSI (red deleted, green inserted). By default only the paragraphs
 * holding a change are shown, with a note of how many unchanged paragraphs were left out between them;
 * {@code full} shows the whole text.
 */
public final class DiffRenderer {

  /** How changes are marked. */
  public enum Style {
    MARKUP("[-", "-]", "{+", "+}"),
    ANSI("\u001b[31m", "\u001b[0m", "\u001b[32m", "\u001b[0m");

    final String delOpen;
    final String delClose;
    final String insOpen;
    final String insClose;

    Style(String delOpen, String delClose, String insOpen, String insClose) {
      this.delOpen = delOpen;
      this.delClose = delClose;
      this.insOpen = insOpen;
      this.insClose = insClose;
    }
  }

  private final Style style;
  private final boolean full;

  public DiffRenderer(Style style, boolean full) {
    this.style = style;
    this.full = full;
  }

  private record Paragraph(String text, boolean changed) {}

  /** The diff as text; empty when nothing changed and {@code full} is off. */
  public String render(TextDiff diff) {
    List<Paragraph> paragraphs = paragraphs(diff);
    StringBuilder out = new StringBuilder();
    int skipped = 0;
    for (Paragraph p : paragraphs) {
      if (!full && !p.changed()) {
        skipped++;
        continue;
      }
      skipped = elide(out, skipped);
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(p.text());
    }
    if (out.length() > 0) {
      elide(out, skipped);
    }
    return out.toString();
  }

  private static int elide(StringBuilder out, int skipped) {
    if (skipped > 0) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append("[... ").append(skipped).append(skipped == 1 ? " unchanged paragraph" : " unchanged paragraphs")
          .append(" ...]");
    }
    return 0;
  }

  /** Marks one change: {@code [-old-]{+new+}}, either side left out when empty. */
  public String mark(String deleted, String inserted) {
    StringBuilder b = new StringBuilder();
    if (deleted != null && !deleted.isEmpty()) {
      b.append(style.delOpen).append(deleted).append(style.delClose);
    }
    if (inserted != null && !inserted.isEmpty()) {
      if (style == Style.ANSI && b.length() > 0 && touches(deleted, inserted)) {
        b.append(' '); // only colour tells them apart: "expressed concernsaid he" would read as one word
      }
      b.append(style.insOpen).append(inserted).append(style.insClose);
    }
    return b.toString();
  }

  /** Whether a deletion and the insertion right after it would run together into one word. */
  private static boolean touches(String deleted, String inserted) {
    return Character.isLetterOrDigit(deleted.charAt(deleted.length() - 1))
        && Character.isLetterOrDigit(inserted.charAt(0));
  }

  private List<Paragraph> paragraphs(TextDiff diff) {
    List<Paragraph> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean changed = false;
    for (TextDiff.Segment s : diff.segments()) {
      if (s.isChange()) {
        cur.append(mark(s.deleted(), s.inserted()));
        changed = true;
        continue;
      }
      String[] parts = s.same().split(WordDiff.PARAGRAPH_BREAK, -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          if (cur.length() > 0) {
            out.add(new Paragraph(cur.toString(), changed));
          }
          cur.setLength(0);
          changed = false;
        }
        cur.append(parts[i]);
      }
    }
    if (cur.length() > 0) {
      out.add(new Paragraph(cur.toString(), changed));
    }
    return out;
  }
}

package dev.newsvault.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.newsvault.archive.ContentHash;
import dev.newsvault.archive.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word-level diffs of cleaned article text with java-diff-utils. Each paragraph is first folded as the
 * text hash folds it ({@link ContentHash#normalize}), so quote styles and spacing never show as changes;
 * then the texts are split into words, single punctuation marks and white space, and diffed token by token.
 * Replacements separated only by a space are joined, so "the cat" → "a dog" reads as one change.
 */
public final class WordDiff {

  private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
  static final String PARAGRAPH_BREAK = "\n\n";

  private WordDiff() {}

  public static TextDiff of(String before, String after) {
    List<String> a = tokens(normalize(before));
    List<String> b = tokens(normalize(after));
    Patch<String> patch = DiffUtils.diff(a, b);
    List<TextDiff.Segment> raw = new ArrayList<>();
    int pos = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      int at = d.getSource().getPosition();
      if (at > pos) {
        raw.add(TextDiff.Segment.same(String.join("", a.subList(pos, at))));
      }
      raw.add(TextDiff.Segment.change(String.join("", d.getSource().getLines()),
          String.join("", d.getTarget().getLines())));
      pos = at + d.getSource().size();
    }
    if (pos < a.size()) {
      raw.add(TextDiff.Segment.same(String.join("", a.subList(pos, a.size()))));
    }
    List<TextDiff.Segment> joined = join(raw);
    int added = 0;
    int removed = 0;
    for (TextDiff.Segment s : joined) {
      if (s.isChange()) {
        added += Words.count(s.inserted());
        removed += Words.count(s.deleted());
      }
    }
    return new TextDiff(joined, added, removed);
  }

  /** Paragraphs folded one by one and rejoined with a blank line. */
  static String normalize(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (String p : PARAGRAPHS.split(text.strip())) {
      String n = ContentHash.normalize(p);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return String.join(PARAGRAPH_BREAK, out);
  }

  /** Words (letters and digits), single other characters, and runs of white space. */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int j = i + 1;
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
          j++;
        }
      } else if (Character.isWhitespace(c)) {
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
          j++;
        }
      }
      out.add(s.substring(i, j));
      i = j;
    }
    return out;
  }

  private static boolean replaces(TextDiff.Segment s) {
    return s != null && s.isChange() && !s.deleted().isEmpty() && !s.inserted().isEmpty();
  }

  /** Joins two replacements that only a single space (no paragraph break) separates. */
  private static List<TextDiff.Segment> join(List<TextDiff.Segment> raw) {
    List<TextDiff.Segment> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      TextDiff.Segment s = raw.get(i);
      TextDiff.Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (s.isChange() && last != null && last.isChange()) {
        out.set(out.size() - 1, TextDiff.Segment.change(last.deleted() + s.deleted(), last.inserted() + s.inserted()));
      } else if (!s.isChange() && " ".equals(s.same()) && replaces(last) && i + 1 < raw.size()
          && replaces(raw.get(i + 1))) {
        out.set(out.size() - 1, TextDiff.Segment.change(last.deleted() + " ", last.inserted() + " "));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}

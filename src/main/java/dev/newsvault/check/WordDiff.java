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
    List<TextDiff.Segment> raw = new ArrayList<>();
    if (a.size() + b.size() <= WORD_DIFF_TOKENS) {
      wordSegments(a, b, raw);
    } else {
      paragraphsFirst(a, b, raw);
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

  /**
   * Tokens up to which two texts are diffed word by word in one go. Myers' algorithm costs the texts' length
   * times the number of edits, so a long text rewritten wholesale (a page swapped for another, a hostile one)
   * would hold a thread for minutes: 40,000 words took over two minutes. Longer texts are matched paragraph by
   * paragraph first, and only the changed stretches are diffed word by word.
   */
  static final int WORD_DIFF_TOKENS = 8_000;

  /** The word-level segments of {@code a} against {@code b}, added to {@code out}. */
  private static void wordSegments(List<String> a, List<String> b, List<TextDiff.Segment> out) {
    Patch<String> patch = DiffUtils.diff(a, b);
    int pos = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      int at = d.getSource().getPosition();
      if (at > pos) {
        out.add(TextDiff.Segment.same(String.join("", a.subList(pos, at))));
      }
      out.add(TextDiff.Segment.change(String.join("", d.getSource().getLines()),
          String.join("", d.getTarget().getLines())));
      pos = at + d.getSource().size();
    }
    if (pos < a.size()) {
      out.add(TextDiff.Segment.same(String.join("", a.subList(pos, a.size()))));
    }
  }

  /**
   * Long texts: paragraphs (each with the break after it) are matched first, then each changed stretch is
   * diffed word by word when it is at most {@link #WORD_DIFF_TOKENS} tokens, and shown as replaced whole when
   * it is longer. An edit inside a long article reads as it would word by word; a wholesale rewrite costs the
   * paragraph count, not the word count, squared.
   */
  private static void paragraphsFirst(List<String> a, List<String> b, List<TextDiff.Segment> out) {
    List<Integer> pa = paragraphStarts(a);
    List<Integer> pb = paragraphStarts(b);
    Patch<String> patch = DiffUtils.diff(units(a, pa), units(b, pb));
    int done = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      int sa = d.getSource().getPosition();
      int sb = d.getTarget().getPosition();
      if (sa > done) {
        out.add(TextDiff.Segment.same(String.join("", a.subList(pa.get(done), pa.get(sa)))));
      }
      List<String> ra = a.subList(pa.get(sa), pa.get(sa + d.getSource().size()));
      List<String> rb = b.subList(pb.get(sb), pb.get(sb + d.getTarget().size()));
      if (ra.size() + rb.size() <= WORD_DIFF_TOKENS) {
        wordSegments(ra, rb, out);
      } else {
        out.add(TextDiff.Segment.change(String.join("", ra), String.join("", rb)));
      }
      done = sa + d.getSource().size();
    }
    if (done < pa.size() - 1) {
      out.add(TextDiff.Segment.same(String.join("", a.subList(pa.get(done), a.size()))));
    }
  }

  /** The token index where each paragraph starts, and the token count last: paragraph i is [i, i + 1). */
  private static List<Integer> paragraphStarts(List<String> tokens) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equals(PARAGRAPH_BREAK) && i + 1 < tokens.size()) {
        starts.add(i + 1);
      }
    }
    if (tokens.isEmpty()) {
      return starts; // no paragraph: [0] is the end as well
    }
    starts.add(tokens.size());
    return starts;
  }

  private static List<String> units(List<String> tokens, List<Integer> starts) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < starts.size(); i++) {
      out.add(String.join("", tokens.subList(starts.get(i), starts.get(i + 1))));
    }
    return out;
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

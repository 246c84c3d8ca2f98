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
 * Word-level diffs of cleaned article text with java-diff-utils. The texts are split into words, single
 * punctuation marks and white space, and diffed token by token on each token's folded form, as the text hash
 * folds it ({@link ContentHash#normalize}), so quote styles and spacing never show as changes; what the diff
 * shows is the archived text itself (curly quotes stay curly). Replacements separated only by a space are
 * joined, so "the cat" → "a dog" reads as one change.
 */
public final class WordDiff {

  private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
  static final String PARAGRAPH_BREAK = "\n\n";

  private WordDiff() {}

  public static TextDiff of(String before, String after) {
    Tokens a = Tokens.of(paragraphs(before));
    Tokens b = Tokens.of(paragraphs(after));
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

  /** The archived tokens of a text, and the folded form of each that the diff compares. */
  private record Tokens(List<String> shown, List<String> keys) {

    static Tokens of(String text) {
      List<String> shown = tokens(text);
      List<String> keys = new ArrayList<>(shown.size());
      for (String t : shown) {
        keys.add(key(t));
      }
      return new Tokens(shown, keys);
    }

    int size() {
      return shown.size();
    }

    Tokens sub(int from, int to) {
      return new Tokens(shown.subList(from, to), keys.subList(from, to));
    }

    String text(int from, int to) {
      return String.join("", shown.subList(from, to));
    }
  }

  /** A token as the text hash sees it: white space as one space (or a paragraph break), the rest folded. */
  static String key(String token) {
    if (isSpace(token.charAt(0))) {
      return token.equals(PARAGRAPH_BREAK) ? PARAGRAPH_BREAK : " ";
    }
    return ContentHash.normalize(token);
  }

  /** The word-level segments of {@code a} against {@code b}, added to {@code out}. */
  private static void wordSegments(Tokens a, Tokens b, List<TextDiff.Segment> out) {
    Patch<String> patch = DiffUtils.diff(a.keys(), b.keys());
    int pos = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      int at = d.getSource().getPosition();
      if (at > pos) {
        out.add(TextDiff.Segment.same(a.text(pos, at)));
      }
      int bt = d.getTarget().getPosition();
      out.add(TextDiff.Segment.change(a.text(at, at + d.getSource().size()),
          b.text(bt, bt + d.getTarget().size())));
      pos = at + d.getSource().size();
    }
    if (pos < a.size()) {
      out.add(TextDiff.Segment.same(a.text(pos, a.size())));
    }
  }

  /**
   * Long texts: paragraphs (each with the break after it) are matched first, then each changed stretch is
   * diffed word by word when it is at most {@link #WORD_DIFF_TOKENS} tokens, and shown as replaced whole when
   * it is longer. An edit inside a long article reads as it would word by word; a wholesale rewrite costs the
   * paragraph count, not the word count, squared.
   */
  private static void paragraphsFirst(Tokens a, Tokens b, List<TextDiff.Segment> out) {
    List<Integer> pa = paragraphStarts(a.keys());
    List<Integer> pb = paragraphStarts(b.keys());
    Patch<String> patch = DiffUtils.diff(units(a.keys(), pa), units(b.keys(), pb));
    int done = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      int sa = d.getSource().getPosition();
      int sb = d.getTarget().getPosition();
      if (sa > done) {
        out.add(TextDiff.Segment.same(a.text(pa.get(done), pa.get(sa))));
      }
      Tokens ra = a.sub(pa.get(sa), pa.get(sa + d.getSource().size()));
      Tokens rb = b.sub(pb.get(sb), pb.get(sb + d.getTarget().size()));
      if (ra.size() + rb.size() <= WORD_DIFF_TOKENS) {
        wordSegments(ra, rb, out);
      } else {
        out.add(TextDiff.Segment.change(ra.text(0, ra.size()), rb.text(0, rb.size())));
      }
      done = sa + d.getSource().size();
    }
    if (done < pa.size() - 1) {
      out.add(TextDiff.Segment.same(a.text(pa.get(done), a.size())));
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

  /**
   * The archived paragraphs, each trimmed, rejoined with a blank line; a paragraph the text hash would fold
   * to nothing (only invisible characters) is left out, as the hash leaves it out.
   */
  static String paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (String p : PARAGRAPHS.split(text.strip())) {
      if (!ContentHash.normalize(p).isEmpty()) {
        out.add(p.strip());
      }
    }
    return String.join(PARAGRAPH_BREAK, out);
  }

  /** Paragraphs folded one by one and rejoined with a blank line: the text as the text hash reads it. */
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

  /** Words (letters and digits, with any invisible characters inside), single other characters, white space. */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int j = i + 1;
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || isInvisible(c)) {
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || isInvisible(s.charAt(j)))) {
          j++;
        }
      } else if (isSpace(c)) {
        while (j < s.length() && isSpace(s.charAt(j))) {
          j++;
        }
      }
      out.add(s.substring(i, j));
      i = j;
    }
    return out;
  }

  /** White space that is not a line or paragraph break: one run of spaces between two words. */
  private static boolean isSpaceBetweenWords(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i)) || s.charAt(i) == '\n') {
        return false;
      }
    }
    return true;
  }

  /** White space, the non-breaking kinds included: the text hash folds all of them to one space. */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Zero-width characters and the soft hyphen, which the text hash drops. */
  private static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
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
      } else if (!s.isChange() && isSpaceBetweenWords(s.same()) && replaces(last) && i + 1 < raw.size()
          && replaces(raw.get(i + 1))) {
        out.set(out.size() - 1, TextDiff.Segment.change(last.deleted() + " ", last.inserted() + " "));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}

package dev.newsvault.notify;

import dev.newsvault.check.TextDiff;
import dev.newsvault.check.WordDiff;
import java.util.Arrays;

/**
 * The short word diff a notice carries: each change as {@code [-removed-]{+added+}} with a few words of
 * context either side, changes far apart joined by " … ", the whole cut at {@value #MAX_CHARS} characters.
 * A message is read on a phone: the full diff is one link away.
 */
final class DiffSnippet {

  static final int CONTEXT_WORDS = 8;
  static final int MAX_CHARS = 1200;

  private DiffSnippet() {}

  static String of(String before, String after) {
    TextDiff d = WordDiff.of(before == null ? "" : before, after == null ? "" : after);
    StringBuilder out = new StringBuilder();
    var segs = d.segments();
    for (int i = 0; i < segs.size(); i++) {
      TextDiff.Segment s = segs.get(i);
      if (s.isChange()) {
        if (notBlank(s.deleted())) {
          out.append("[-").append(s.deleted().strip()).append("-]");
        }
        if (notBlank(s.inserted())) {
          out.append("{+").append(s.inserted().strip()).append("+}");
        }
        continue;
      }
      boolean afterChange = i > 0;
      boolean beforeChange = i < segs.size() - 1;
      String[] words = s.same().strip().split("\\s+");
      if (words.length == 1 && words[0].isEmpty()) {
        out.append(' ');
        continue;
      }
      if (afterChange && beforeChange && words.length <= 2 * CONTEXT_WORDS) {
        out.append(' ').append(String.join(" ", words)).append(' ');
        continue;
      }
      if (afterChange) {
        out.append(' ').append(String.join(" ", Arrays.copyOf(words, Math.min(CONTEXT_WORDS, words.length))));
        if (words.length > CONTEXT_WORDS) {
          out.append(" …");
        }
      }
      if (beforeChange) {
        if (!afterChange && words.length > CONTEXT_WORDS) {
          out.append("… ");
        } else if (afterChange) {
          out.append(' ');
        }
        out.append(String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - CONTEXT_WORDS),
            words.length))).append(' ');
      }
    }
    String text = out.toString().replaceAll("[ \\t]*\\n[\\s]*", " ¶ ").replaceAll(" {2,}", " ").strip();
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1).strip() + "…";
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}

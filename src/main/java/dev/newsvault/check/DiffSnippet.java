package dev.newsvault.check;

import dev.newsvault.archive.VersionRecord;
import dev.newsvault.archive.XmlChars;
import java.util.Arrays;

/**
 * The short word diff a notice carries: each change as {@code [-removed-]{+added+}} with a few words of
 * context either side, changes far apart joined by " … ", the whole cut at {@value #MAX_CHARS} characters.
 * A message or a feed entry is read on a phone: the full diff is one link away.
 */
public final class DiffSnippet {

  static final int CONTEXT_WORDS = 8;
  static final int MAX_CHARS = 1200;

  private DiffSnippet() {}

  /** The snippet of {@code after} against {@code before}, led by the headline's change when it changed. */
  public static String of(VersionRecord before, VersionRecord after) {
    String diff = of(before.text(), after.text());
    if (!java.util.Objects.equals(before.title(), after.title())) {
      diff = "headline: [-" + nullToEmpty(before.title()) + "-]{+" + nullToEmpty(after.title()) + "+}"
          + (diff.isEmpty() ? "" : " ¶ " + diff);
    }
    return diff;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The snippet of the word diff of two texts. */
  public static String of(String before, String after) {
    // control characters are no words: left in, they would glue themselves to the marked changes
    TextDiff d = WordDiff.of(before == null ? "" : XmlChars.clean(before), after == null ? "" : XmlChars.clean(after));
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

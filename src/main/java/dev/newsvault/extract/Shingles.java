package dev.newsvault.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs of four consecutive words, lower-cased: how the extractor tells that one text says again what
 * another says (a JSON-LD body against the page, a summary box against the story) without a phrase list.
 */
final class Shingles {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int WORDS = 4;

  private Shingles() {}

  static Set<String> of(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + WORDS <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + WORDS)));
    }
    return out;
  }

  /** The share of {@code part}'s shingles that {@code whole} also has; 1 when {@code part} has none. */
  static double share(Set<String> part, Set<String> whole) {
    if (part.isEmpty()) {
      return 1;
    }
    int hit = 0;
    for (String s : part) {
      if (whole.contains(s)) {
        hit++;
      }
    }
    return (double) hit / part.size();
  }
}

package dev.newsvault.extract;

import java.util.Arrays;

/**
 * A few literal words looked for anywhere in a text, regardless of case: what a {@code (?iu)} pattern of
 * literals joined by {@code |} finds, at the cost of folding the text once and a {@link String#indexOf}
 * per word. The regular expression folds every character again for every word it tries at every place,
 * and the date-line checks ask it of up to a thousand elements of every page.
 *
 * <p>The fold is the one the JDK's pattern matching applies with both flags, character by character:
 * lower case of upper case. Characters outside the Basic Multilingual Plane fold to none of the words'
 * letters either way.
 */
final class FoldedWords {

  private final String[] words;

  private FoldedWords(String[] words) {
    this.words = words;
  }

  /** The words, folded; each must be a fixed point of the fold once folded (true of letters and CJK). */
  static FoldedWords of(String... words) {
    String[] folded = Arrays.stream(words).map(FoldedWords::fold).toArray(String[]::new);
    for (String w : folded) {
      if (w.isEmpty() || !w.equals(fold(w))) {
        throw new IllegalArgumentException("not a word that folds to itself: " + w);
      }
    }
    return new FoldedWords(folded);
  }

  /** Whether any of the words occurs in the text, in any case. */
  boolean in(String text) {
    return inFolded(fold(text));
  }

  /** Whether any of the words occurs in a text already {@link #fold folded}. */
  boolean inFolded(String folded) {
    for (String w : words) {
      if (folded.indexOf(w) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Each character as lower case of its upper case; the same string when nothing changes. */
  static String fold(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char f = Character.toLowerCase(Character.toUpperCase(c));
      if (f != c) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = f;
      }
    }
    return out == null ? text : new String(out);
  }
}

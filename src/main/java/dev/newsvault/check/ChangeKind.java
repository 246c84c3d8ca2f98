package dev.newsvault.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of edit made a new version, from the least to the most significant; a version that holds several
 * edits is labelled with the most significant one. {@code check --min-change KIND} reports only edits of
 * KIND or above.
 */
public enum ChangeKind {
  /** One or two words, each a small edit away from what it replaced (a spelling fix). */
  TYPO,
  /** The authors changed. */
  BYLINE,
  /** Only numbers changed ("12 people were hurt" → "15"). */
  NUMBER,
  /** Words or a sentence changed within paragraphs. */
  WORDING,
  /** Whole paragraphs were added. */
  PARAGRAPH_ADDED,
  /** Whole paragraphs were removed. */
  PARAGRAPH_REMOVED,
  /** The headline changed. */
  HEADLINE,
  /** A correction, clarification or update notice was added. */
  CORRECTION,
  /** Most of the text was replaced. */
  REWRITE;

  /** The lower-case name used in output and in the archive. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind for a stored or typed {@link #code()}; {@code paragraph} stands for {@link #PARAGRAPH_ADDED}. */
  public static ChangeKind parse(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (c.equals("paragraph")) {
      return PARAGRAPH_ADDED;
    }
    for (ChangeKind k : values()) {
      if (k.code().equals(c)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + code + "' is not a kind of change; use one of " + codes());
  }

  /** Every code, least significant first, comma-separated. */
  public static String codes() {
    return Arrays.stream(values()).map(ChangeKind::code).collect(Collectors.joining(", "));
  }

  /** Whether this kind is {@code floor} or more significant. */
  public boolean atLeast(ChangeKind floor) {
    return compareTo(floor) >= 0;
  }
}

package dev.newsvault.check;

import java.util.List;

/**
 * A word-level diff between two texts, as a sequence of unchanged runs and changes.
 *
 * @param segments the texts in order: an unchanged run, or a change (deleted text, inserted text, either empty)
 * @param wordsAdded words in the inserted text
 * @param wordsRemoved words in the deleted text
 */
public record TextDiff(List<Segment> segments, int wordsAdded, int wordsRemoved) {

  public TextDiff {
    segments = List.copyOf(segments);
  }

  /** One run of the diff: {@code same} for unchanged text, else {@code deleted} and {@code inserted}. */
  public record Segment(String same, String deleted, String inserted) {
    public boolean isChange() {
      return same == null;
    }

    static Segment same(String text) {
      return new Segment(text, null, null);
    }

    static Segment change(String deleted, String inserted) {
      return new Segment(null, deleted, inserted);
    }
  }

  /** Whether the texts differ at all. */
  public boolean changed() {
    return segments.stream().anyMatch(Segment::isChange);
  }
}

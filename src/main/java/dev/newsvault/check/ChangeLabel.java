package dev.newsvault.check;

/**
 * What one new version changed: its kind and the words added and removed, counted on the text without its
 * volatile pieces (counters and relative times do not count as words changed).
 */
public record ChangeLabel(ChangeKind kind, int wordsAdded, int wordsRemoved) {

  /** {@code wording +3/-1}. */
  @Override
  public String toString() {
    return kind.code() + " +" + wordsAdded + "/-" + wordsRemoved;
  }
}

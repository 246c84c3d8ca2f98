package dev.newsvault.archive;

import dev.newsvault.extract.TextShape;

/** Counts words the way the archive reports sizes: runs of letters or digits, as the extractor counts them. */
public final class Words {
  private Words() {}

  public static int count(String text) {
    return text == null ? 0 : TextShape.words(text);
  }
}

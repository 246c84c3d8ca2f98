package dev.newsvault.archive;

/** Counts words the way the archive reports sizes: runs of letters or digits. */
public final class Words {
  private Words() {}

  public static int count(String text) {
    if (text == null) {
      return 0;
    }
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean w = Character.isLetterOrDigit(text.charAt(i));
      if (w && !in) {
        n++;
      }
      in = w;
    }
    return n;
  }
}

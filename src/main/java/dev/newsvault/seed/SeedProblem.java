package dev.newsvault.seed;

import java.nio.file.Path;

/**
 * A seed line that was skipped, and why.
 *
 * @param file the seed file (or folder, when the problem is with the folder itself)
 * @param line the 1-based line number, or 0 for a problem with the whole file
 * @param message what is wrong and how to fix it
 */
public record SeedProblem(Path file, int line, String message) {

  /** {@code file:line: message}, with control characters from the seed line shown as {@code \\uXXXX}. */
  @Override
  public String toString() {
    return visible(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
  }

  /** A seed line is printed to a terminal: its control characters are shown, never obeyed. */
  private static String visible(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}

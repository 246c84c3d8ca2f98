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

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}

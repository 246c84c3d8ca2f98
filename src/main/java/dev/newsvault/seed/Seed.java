package dev.newsvault.seed;

import dev.newsvault.config.Scope;
import java.nio.file.Path;

/**
 * One line of a seed file.
 *
 * @param url the normalised http or https URL
 * @param file the seed file it came from
 * @param line its 1-based line number there
 * @param depth the seed's own link depth, or null for the {@code max.depth} setting
 * @param scope the seed's own scope, or null for the {@code scope} setting
 * @param type what the URL points at
 * @param render whether its pages are loaded in the browser ({@code render=browser})
 */
public record Seed(String url, Path file, int line, Integer depth, Scope scope, SeedType type, boolean render) {

  /** A seed whose pages are fetched plainly. */
  public Seed(String url, Path file, int line, Integer depth, Scope scope, SeedType type) {
    this(url, file, line, depth, scope, type, false);
  }

  /** Where the seed was written, as {@code file:line}, for messages. */
  public String origin() {
    return file + ":" + line;
  }
}

package dev.newsvault.seed;

import dev.newsvault.config.Scope;
import java.nio.file.Path;
import java.util.Map;

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
 * @param requests the line's {@code header.NAME} and {@code cookie} settings for the seed's host, as written
 *     (values may be {@code env:VAR} or {@code file:PATH}); never printed
 */
public record Seed(String url, Path file, int line, Integer depth, Scope scope, SeedType type, boolean render,
    Map<String, String> requests) {

  public Seed {
    requests = Map.copyOf(requests);
  }

  /** A seed whose pages are fetched plainly, with no headers or cookies of its own. */
  public Seed(String url, Path file, int line, Integer depth, Scope scope, SeedType type) {
    this(url, file, line, depth, scope, type, false, Map.of());
  }

  @Override
  public String toString() {
    return "Seed[" + url + " at " + origin() + ", requests " + requests.keySet() + " (values hidden)]";
  }

  /** Where the seed was written, as {@code file:line}, for messages. */
  public String origin() {
    return file + ":" + line;
  }
}

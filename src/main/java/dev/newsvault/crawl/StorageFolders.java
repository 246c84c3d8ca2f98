package dev.newsvault.crawl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * crawler4j's frontier folders, one per run so a crawl can start while the previous crawler4j instance is
 * still closing down; folders left by earlier runs (a killed process) are removed at the next start.
 */
final class StorageFolders {

  private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

  private StorageFolders() {}

  static Path fresh(Path parent, long runId) throws IOException {
    Files.createDirectories(parent);
    try (Stream<Path> old = Files.list(parent)) {
      old.filter(p -> p.getFileName().toString().startsWith("run-") && !ACTIVE.contains(p))
          .forEach(StorageFolders::delete);
    }
    Path dir = parent.resolve("run-" + runId);
    ACTIVE.add(dir);
    Files.createDirectories(dir);
    return dir;
  }

  static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left for the next start to remove
    } finally {
      ACTIVE.remove(dir);
    }
  }
}

package dev.newsvault.crawl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * crawler4j's frontier folders. Each crawl gets a new folder whose name no other crawl can reuse
 * ({@code run-<run id>-p<pid>-<random>}): two archives of the same file name, or a new archive where an old
 * one was deleted, start again at run 1, and a folder reused while the previous environment in it is still
 * open breaks both. Folders left by a process that no longer runs (killed) are removed at the next start;
 * folders of live processes, and of this process's open crawls, are left alone.
 */
final class StorageFolders {

  private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();
  private static final Pattern OWNED = Pattern.compile("run-\\d+-p(\\d+)-.*");

  private StorageFolders() {}

  static Path fresh(Path parent, long runId) throws IOException {
    Files.createDirectories(parent);
    try (Stream<Path> old = Files.list(parent)) {
      old.filter(StorageFolders::abandoned).forEach(StorageFolders::delete);
    }
    Path dir = Files.createTempDirectory(parent, "run-" + runId + "-p" + ProcessHandle.current().pid() + "-");
    ACTIVE.add(dir);
    return dir;
  }

  /** A folder of a crawl that has ended without removing it: its process is gone, or it is not open here. */
  private static boolean abandoned(Path dir) {
    String name = dir.getFileName().toString();
    if (!name.startsWith("run-") || ACTIVE.contains(dir)) {
      return false;
    }
    Matcher m = OWNED.matcher(name);
    if (!m.matches()) {
      return true; // a folder of an older newsvault, which reused run-<id>
    }
    long pid = Long.parseLong(m.group(1));
    if (pid == ProcessHandle.current().pid()) {
      return true;
    }
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    return owner.isEmpty() || !owner.get().isAlive();
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

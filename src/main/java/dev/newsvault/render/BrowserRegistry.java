package dev.newsvault.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PID files of the browsers this newsvault started ({@code <work.dir>/browsers/<group>.pid}). A newsvault
 * killed with -9 leaves its files behind; the next start ({@link #cleanUpStale}) kills whatever is left of
 * those browsers: the processes whose command line names the browser's own temporary folder (unique to that
 * browser, so a recycled pid is never touched), and deletes their folders. Files whose owner is still running
 * (another newsvault on the same work folder) are left alone.
 */
final class BrowserRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(BrowserRegistry.class);

  private final Path folder;

  BrowserRegistry(Path folder) {
    this.folder = folder;
  }

  void add(long group, Path browserDir) {
    ProcessHandle me = ProcessHandle.current();
    Properties p = new Properties();
    p.setProperty("group", Long.toString(group));
    p.setProperty("dir", browserDir.toString());
    p.setProperty("owner", Long.toString(me.pid()));
    p.setProperty("owner.started", me.info().startInstant().map(Instant::toString).orElse(""));
    try {
      Files.createDirectories(folder);
      try (var w = Files.newBufferedWriter(file(group), StandardCharsets.UTF_8)) {
        p.store(w, "a browser started by newsvault; removed when it ends");
      }
    } catch (IOException e) {
      LOG.warn("cannot write the browser PID file in {}: {} (a kill -9 of newsvault could then leave this"
          + " browser to its keeper alone)", folder, e.getMessage());
    }
  }

  void remove(long group) {
    try {
      Files.deleteIfExists(file(group));
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", file(group), e.getMessage());
    }
  }

  /** Kills the browsers of newsvault processes that are gone; returns how many processes were killed. */
  int cleanUpStale() {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int killed = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.pid")) {
      for (Path f : ds) {
        killed += cleanUp(f);
      }
    } catch (IOException e) {
      LOG.warn("cannot read the browser PID files in {}: {}", folder, e.getMessage());
    }
    return killed;
  }

  private int cleanUp(Path f) throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    if (ownerRunning(p)) {
      return 0;
    }
    int killed = 0;
    String dir = p.getProperty("dir", "");
    if (!dir.isEmpty()) {
      for (ProcessHandle h : BrowserProcess.strays(Path.of(dir))) {
        h.destroyForcibly();
        killed++;
      }
      BrowserProcess.deleteTree(Path.of(dir));
    }
    if (killed > 0) {
      LOG.warn("killed {} browser processes left by an earlier newsvault (pid {}) that did not end cleanly",
          killed, p.getProperty("owner"));
    }
    Files.deleteIfExists(f);
    return killed;
  }

  private static boolean ownerRunning(Properties p) {
    try {
      long owner = Long.parseLong(p.getProperty("owner", ""));
      Optional<ProcessHandle> h = ProcessHandle.of(owner);
      if (h.isEmpty() || !h.get().isAlive()) {
        return false;
      }
      String started = h.get().info().startInstant().map(Instant::toString).orElse("");
      return started.equals(p.getProperty("owner.started", ""));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private Path file(long group) {
    return folder.resolve(group + ".pid");
  }
}

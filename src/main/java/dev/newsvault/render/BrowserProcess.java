package dev.newsvault.render;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Chromium process tree, started so that it never outlives newsvault:
 *
 * <ul>
 *   <li>it runs in its own process group ({@code setsid}), so killing the group ends the browser, its
 *       renderers, GPU and utility processes together, by id, never by name;
 *   <li>a small shell keeper leads the group and waits on a pipe from this JVM; when the JVM ends for any
 *       reason (kill -9 included) the pipe closes and the keeper kills the group;
 *   <li>the group is written to a PID file ({@link BrowserRegistry}) so the next start cleans up even if the
 *       keeper itself was killed.
 * </ul>
 *
 * The DevTools protocol runs over two named pipes in the browser's private temporary folder, which also holds
 * its fresh profile; the folder is deleted when the browser ends.
 */
final class BrowserProcess implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(BrowserProcess.class);

  /**
   * The keeper: starts the browser with the DevTools pipes on descriptors 3 and 4, then waits for its stdin
   * (this JVM) to close, and kills its whole process group.
   */
  private static final String KEEPER = "in=$1; out=$2; shift 2; \"$@\" 3<\"$in\" 4>\"$out\" </dev/null"
      + " >/dev/null 2>&1 & read _; kill -KILL -$$";

  private final Process keeper;
  private final Path dir;
  private final BrowserRegistry registry;
  private final DevTools devtools;
  private volatile boolean closed;

  private BrowserProcess(Process keeper, Path dir, BrowserRegistry registry, DevTools devtools) {
    this.keeper = keeper;
    this.dir = dir;
    this.registry = registry;
    this.devtools = devtools;
  }

  /**
   * Starts {@code binary} with {@code flags} (the profile and DevTools flags are added here).
   *
   * @throws RenderException when the browser cannot be started or does not open its DevTools pipe in time
   */
  static BrowserProcess start(Path binary, List<String> flags, BrowserRegistry registry, long timeoutMs)
      throws RenderException {
    Path dir;
    try {
      dir = Files.createTempDirectory("newsvault-browser-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      run("mkfifo", "-m", "600", dir.resolve("in").toString(), dir.resolve("out").toString());
    } catch (IOException e) {
      throw new RenderException("cannot prepare a folder for the browser: " + e.getMessage(), true, e);
    }
    List<String> cmd = new ArrayList<>(List.of("setsid", "sh", "-c", KEEPER, "newsvault-browser",
        dir.resolve("in").toString(), dir.resolve("out").toString(), binary.toString()));
    cmd.addAll(flags);
    cmd.add("--user-data-dir=" + dir.resolve("profile"));
    cmd.add("--remote-debugging-pipe");
    cmd.add("about:blank");
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      // Its crash handler, caches and settings go inside the browser's own folder, never the user's home.
      Path home = Files.createDirectories(dir.resolve("home"));
      pb.environment().put("HOME", home.toString());
      pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
      pb.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
      p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      deleteTree(dir);
      throw new RenderException("cannot start " + binary + " (install chromium, or set render.browser): "
          + e.getMessage(), true, e);
    }
    registry.add(p.pid(), dir);
    CompletableFuture<Pipes> opened = CompletableFuture.supplyAsync(() -> open(dir));
    try {
      Pipes pipes = opened.get(timeoutMs, TimeUnit.MILLISECONDS);
      BrowserProcess b = new BrowserProcess(p, dir, registry,
          new DevTools(pipes.out(), pipes.in(), "browser-" + p.pid()));
      b.devtools.call(null, "Browser.getVersion", null, timeoutMs);
      return b;
    } catch (Exception e) {
      unblock(dir);
      kill(p, dir, registry);
      String why = e instanceof RenderException ? e.getMessage() : "it did not open its DevTools pipe within "
          + timeoutMs + " ms";
      throw new RenderException("cannot start the browser " + binary + ": " + why, true, e);
    }
  }

  DevTools devtools() {
    return devtools;
  }

  /** The process group id (also the keeper's pid). */
  long groupId() {
    return keeper.pid();
  }

  /** Process ids of the keeper and every browser process under it, for memory figures and tests. */
  List<Long> pids() {
    List<Long> out = new ArrayList<>();
    out.add(keeper.pid());
    keeper.descendants().forEach(h -> out.add(h.pid()));
    return out;
  }

  /** Memory of the whole browser (proportional set size), in bytes, from /proc (0 where that cannot be read). */
  long memoryBytes() {
    long sum = 0;
    for (long pid : pids()) {
      sum += ProcFs.memoryBytes(pid);
    }
    return sum;
  }

  boolean alive() {
    return !closed && keeper.isAlive() && devtools.ended() == null && keeper.descendants().findAny().isPresent();
  }

  /** Kills the whole process group and deletes the profile; safe to call twice. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    devtools.close();
    kill(keeper, dir, registry);
  }

  private static void kill(Process keeper, Path dir, BrowserRegistry registry) {
    List<ProcessHandle> tree = new ArrayList<>(keeper.descendants().toList());
    try {
      keeper.getOutputStream().close(); // the keeper kills its group when its stdin closes
    } catch (IOException e) {
      // killed below as well
    }
    try {
      run("kill", "-KILL", "--", "-" + keeper.pid());
    } catch (IOException e) {
      LOG.debug("kill of browser group {}: {}", keeper.pid(), e.getMessage());
    }
    tree.forEach(ProcessHandle::destroyForcibly);
    keeper.destroyForcibly();
    tree.addAll(strays(dir));
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : tree) {
      try {
        h.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("browser process {} did not end within 5 s of SIGKILL", h.pid());
      }
    }
    try {
      keeper.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
    registry.remove(keeper.pid());
  }

  /**
   * Processes of this browser outside its group: Chromium's crash handler detaches itself, but its command
   * line names the browser's folder (its database lives under the HOME given to the browser).
   */
  static List<ProcessHandle> strays(Path dir) {
    String marker = dir.toString();
    try (var all = ProcessHandle.allProcesses()) {
      return all.filter(h -> h.pid() != ProcessHandle.current().pid())
          .filter(h -> ProcFs.commandLine(h.pid()).contains(marker)).toList();
    }
  }

  private record Pipes(OutputStream out, InputStream in) {}

  /** Opens the pipes in the order the keeper's redirections open them (in, then out); each open blocks. */
  private static Pipes open(Path dir) {
    try {
      OutputStream out = new FileOutputStream(dir.resolve("in").toFile());
      InputStream in = new FileInputStream(dir.resolve("out").toFile());
      return new Pipes(out, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens both ends read-write (which never blocks), releasing an {@link #open} stuck on a dead browser. */
  private static void unblock(Path dir) {
    for (String name : List.of("in", "out")) {
      try (RandomAccessFile f = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
        f.getFD();
      } catch (IOException e) {
        // nothing waits on it
      }
    }
  }

  static void run(String... cmd) throws IOException {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not finish");
      }
      if (p.exitValue() != 0 && !cmd[0].equals("kill")) {
        throw new IOException(String.join(" ", cmd) + " failed with exit code " + p.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running " + cmd[0]);
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a file the browser still writes; reported below if the folder stays
        }
      });
    } catch (IOException e) {
      LOG.warn("cannot delete the browser folder {}: {}", dir, e.getMessage());
    }
  }
}

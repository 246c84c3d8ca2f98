package dev.newsvault.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No browser outlives newsvault: a newsvault process killed with SIGKILL takes its whole browser with it (the
 * keeper sees its pipe close), and a PID file left by such a process makes the next start kill what is left.
 * Checked by pid, never by name.
 */
class OrphanTest {

  @TempDir Path dir;

  @Test
  void aNewsvaultKilledWithSigkillLeavesNoBrowserBehind() throws Exception {
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), BrowserHolder.class.getName(), dir.resolve("work").toString())
        .redirectErrorStream(true).start();
    List<Long> pids = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("pids [")) {
          for (String p : line.substring(6, line.length() - 1).split(",\\s*")) {
            pids.add(Long.parseLong(p));
          }
          break;
        }
      }
      assertThat(pids).as("the browser's pids, printed by the holder").isNotEmpty();
      // The keeper (first) and the browser run; Chromium also starts and ends helper processes of its own
      // accord, so a helper gone by now is no orphan, and only what still runs is followed after the kill.
      assertThat(alive(pids.get(0))).as("the keeper, pid " + pids.get(0) + ", before the kill").isTrue();
      pids.removeIf(p -> !alive(p));
      assertThat(pids).as("the browser's processes before the kill").hasSizeGreaterThan(1);
    } finally {
      holder.destroyForcibly(); // SIGKILL: no shutdown hook runs; and never a holder left behind by a failure
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    for (long p : pids) {
      // the keeper kills the group as soon as its pipe closes; allow a loaded machine time to deliver it
      Optional<ProcessHandle> h = ProcessHandle.of(p);
      if (h.isPresent()) {
        h.get().onExit().get(60, TimeUnit.SECONDS);
      }
      assertThat(alive(p)).as("browser pid " + p + " after newsvault was killed").isFalse();
    }
  }

  @Test
  void theNextStartKillsWhatADeadNewsvaultLeftByItsPidFile() throws Exception {
    Path browserDir = Files.createDirectories(dir.resolve("newsvault-browser-left"));
    // a process standing for a browser whose keeper is gone: its command line names the browser's folder
    // (a loop of short sleeps: the shell itself stays, and no long sleep outlives it)
    Process left = new ProcessBuilder("sh", "-c", "while :; do sleep 1; done", browserDir.toString()).start();
    Path files = Files.createDirectories(dir.resolve("work").resolve("browsers"));
    Properties p = new Properties();
    p.setProperty("group", Long.toString(left.pid()));
    p.setProperty("dir", browserDir.toString());
    p.setProperty("owner", "999999999"); // no such process: its newsvault is gone
    p.setProperty("owner.started", "");
    try (var w = Files.newBufferedWriter(files.resolve(left.pid() + ".pid"))) {
      p.store(w, null);
    }
    int killed = new BrowserRegistry(files).cleanUpStale();
    assertThat(left.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(killed).isEqualTo(1);
    assertThat(files.resolve(left.pid() + ".pid")).doesNotExist();
    assertThat(browserDir).doesNotExist();
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}

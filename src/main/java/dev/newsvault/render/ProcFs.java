package dev.newsvault.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux's /proc says about a process: its command line for cleanup, its memory for budgets. */
final class ProcFs {

  private ProcFs() {}

  /** The command line of {@code pid} with arguments joined by spaces, or "" when the process is gone. */
  static String commandLine(long pid) {
    try {
      byte[] b = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(b, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Memory of {@code pid} in bytes, or 0: its proportional set size (shared pages divided among the processes
   * sharing them), so the sum over a browser's processes is what the browser really uses; the resident set
   * size where the kernel gives no PSS.
   */
  static long memoryBytes(long pid) {
    long pss = field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    return pss >= 0 ? pss : Math.max(0, field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:"));
  }

  /** A "Name:   123 kB" line of a /proc file, in bytes; -1 when absent. */
  private static long field(Path file, String name) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not Linux
    }
    return -1;
  }

  /** The real user id of this process, or -1 when /proc cannot tell. */
  static long ownUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Long.parseLong(line.substring(4).strip().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}

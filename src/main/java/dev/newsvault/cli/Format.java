package dev.newsvault.cli;

import dev.newsvault.archive.Timestamps;
import java.util.Locale;

/** Small formatting helpers for command output. */
final class Format {
  private Format() {}

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
  }

  /** An archive timestamp for a table column: whole seconds ("2026-11-23T12:20:21Z"); null as "-". */
  static String time(String iso) {
    return iso == null ? "-" : Timestamps.seconds(iso);
  }
}

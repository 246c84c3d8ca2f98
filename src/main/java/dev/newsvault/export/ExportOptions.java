package dev.newsvault.export;

import dev.newsvault.archive.ExportSelection;
import java.util.Objects;

/**
 * One export run, validated.
 *
 * @param format what to write
 * @param out the output path, or {@code -} for standard output; a {@code .gz} suffix compresses
 * @param selection which versions to read
 * @param nearDups what to do with near-duplicates (default {@link NearDupMode#DROP})
 * @param nearDupBits the largest SimHash distance, in bits of 64, that counts as near-duplicate
 *     (default {@value #DEFAULT_NEAR_DUP_BITS})
 * @param checkpoint the checkpoint name for {@code --changed-since-last-export}, or null
 * @param userAgent the User-Agent written into WARC request records
 */
public record ExportOptions(
    ExportFormat format,
    String out,
    ExportSelection selection,
    NearDupMode nearDups,
    int nearDupBits,
    String checkpoint,
    String userAgent) {

  /** Measured on real-looking pairs: see the README's export section for the figures behind it. */
  public static final int DEFAULT_NEAR_DUP_BITS = 7;

  public ExportOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(nearDups, "nearDups");
    if (nearDupBits < 0 || nearDupBits > 16) {
      throw new IllegalArgumentException("--near-dup-threshold must be 0 to 16 (bits of 64 that may differ), not "
          + nearDupBits);
    }
    if (checkpoint != null && !checkpoint.matches("[\\w.-]{1,100}")) {
      throw new IllegalArgumentException("export checkpoint name '" + checkpoint + "' must be 1 to 100 letters,"
          + " digits, '.', '_' or '-'");
    }
  }

  public boolean toStdout() {
    return "-".equals(out);
  }
}

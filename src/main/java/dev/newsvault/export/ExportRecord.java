package dev.newsvault.export;

import dev.newsvault.archive.ExportRow;
import java.util.List;

/**
 * A row on its way out, with its near-duplicate cluster id when {@code --near-dups mark} found one and the
 * categories its page declares (see {@link Categories}).
 */
public record ExportRecord(ExportRow row, Long nearDupCluster, List<String> categories) {

  public ExportRecord {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}

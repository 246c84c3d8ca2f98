package dev.newsvault.export;

import dev.newsvault.archive.ExportQuery;
import dev.newsvault.archive.ExportSelection;
import java.nio.file.Path;

/** Times the de-duplication pass alone (exact + SimHash near-dup) over an archive, for bench/export.sh. */
public final class BenchNearDup {

  public static void main(String[] args) throws Exception {
    try (ExportQuery q = ExportQuery.open(Path.of(args[0]))) {
      long upTo = q.maxVersionId();
      for (NearDupMode mode : new NearDupMode[] {NearDupMode.KEEP, NearDupMode.DROP}) {
        DedupPlan p = DedupPlan.build(q, ExportSelection.everything(), upTo, mode,
            ExportOptions.DEFAULT_NEAR_DUP_BITS, ExportProgress.SILENT);
        System.out.printf("de-dup pass, near-dups=%s: %,d ms, %,d exact and %,d near duplicates%n", mode.label(),
            p.millis(), p.exactDuplicates(), p.nearDuplicates());
      }
    }
  }
}

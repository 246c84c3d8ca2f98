package dev.newsvault.warc;

import java.util.List;

/**
 * How an import went.
 *
 * @param files WARC files read in this run
 * @param alreadyDone files skipped because an earlier import completed them
 * @param leftOpen files read to their end but not marked complete: they hold revisits of records not in the
 *     archive, and the next import reads them again
 * @param failures one line per input that could not be read at all
 */
public record ImportSummary(int files, int alreadyDone, int leftOpen, List<String> failures, ImportCounts counts,
    long millis) {

  public ImportSummary {
    failures = List.copyOf(failures);
  }

  /** Whether anything went wrong that the user should look at: an unreadable input or a malformed record. */
  public boolean partial() {
    return !failures.isEmpty() || counts.skipped(SkipKind.MALFORMED) > 0;
  }

  public double pagesPerSecond() {
    return millis <= 0 ? 0 : counts.imported() * 1000.0 / millis;
  }
}

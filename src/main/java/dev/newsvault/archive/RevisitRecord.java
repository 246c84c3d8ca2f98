package dev.newsvault.archive;

import java.util.List;

/**
 * An article under revisit with its re-check history (times ISO-8601 UTC; published as archived, maybe
 * in another ISO form, or null).
 */
public record RevisitRecord(String url, String firstSeen, String published, List<Check> checks) {
  public RevisitRecord {
    checks = List.copyOf(checks);
  }

  /** One re-check: when, and its outcome code (unchanged, changed, gone, moved, error). */
  public record Check(String checkedAt, String outcome) {}
}

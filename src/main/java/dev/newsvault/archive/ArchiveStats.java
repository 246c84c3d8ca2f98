package dev.newsvault.archive;

import java.util.List;

/**
 * What {@code newsvault stats} shows: counts per site, failures by kind, the most recent failed or skipped
 * fetches with their reasons, and the last run.
 */
public record ArchiveStats(
    long articles,
    long versions,
    long fetches,
    long rawPages,
    long rawBytes,
    List<SiteCount> sites,
    List<FailureCount> failures,
    List<FailedFetch> recentFailures,
    RunRecord lastRun) {

  /** Per host: fetches, articles, versions. */
  public record SiteCount(String host, long fetches, long articles, long versions) {}

  /** Failed or skipped fetches of one kind. */
  public record FailureCount(String kind, long count) {}

  /** One failed or skipped fetch: which URL, when, the failure kind and what went wrong. */
  public record FailedFetch(String url, String fetchedAt, int status, String kind, String detail) {}

  /** A crawl or check run. */
  public record RunRecord(long id, String kind, String description, String startedAt, String finishedAt,
      String status, long fetched, long archived, long skipped, long failed) {}
}

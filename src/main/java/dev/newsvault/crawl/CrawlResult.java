package dev.newsvault.crawl;

/**
 * How a crawl ended.
 *
 * @param runId the crawl_run row of this crawl
 * @param status finished, or interrupted when it was stopped before its frontier was empty
 * @param progress the final counts
 * @param resumed whether it continued an interrupted crawl's frontier
 * @param started how many URLs it was given or re-seeded from the frontier
 */
public record CrawlResult(long runId, String status, CrawlProgress progress, boolean resumed, int started) {

  public boolean interrupted() {
    return "interrupted".equals(status);
  }
}

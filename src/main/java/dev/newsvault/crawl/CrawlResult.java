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

  /**
   * When the crawl archived nothing because every URL it tried failed: one sentence saying what happened and
   * what to do (e.g. "all 5 seed URLs failed: could not connect (offline?) ..."); null otherwise.
   */
  public String allFailed() {
    CrawlProgress p = progress;
    if (p.archived() > 0 || p.failed() == 0 || interrupted()) {
      return null;
    }
    String what = "all " + p.failed() + (p.failed() == started ? " seed URLs" : " URLs tried") + " failed";
    if (p.unreachable() == p.failed()) {
      return what + ": could not connect (offline?) - check the network, or the host names in the seed list";
    }
    return what + " (" + p.unreachable() + " could not connect) - './newsvault stats' lists each reason";
  }
}

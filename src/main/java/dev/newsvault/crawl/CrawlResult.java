package dev.newsvault.crawl;

/**
 * How a crawl ended.
 *
 * @param runId the crawl_run row of this crawl
 * @param status finished; partial when some URLs failed; failed when every URL failed and nothing was
 *     archived; interrupted when it was stopped before its frontier was empty
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
    String urls = p.failed() == started ? "seed URL" : "URL tried";
    String what = p.failed() == 1 ? "the one " + urls + " failed" : "all " + p.failed() + " " + urls + "s failed";
    if (p.unreachable() == p.failed()) {
      return what + ": could not connect (offline?) - check the network, or the host names in the seed list";
    }
    String connect = p.unreachable() == 0 ? "" : " (" + p.unreachable() + " could not connect)";
    return what + connect + " - './newsvault stats' lists each reason";
  }
}

package dev.newsvault.schedule;

/**
 * How one scheduled run ended.
 *
 * @param outcome finished, partial (some items failed), failed, or interrupted
 * @param summary one line for the log and status, e.g. "tried 120, archived 35, failed 2"
 * @param runId the archive's crawl_run id, or null when the job recorded none
 */
public record JobResult(String outcome, String summary, Long runId) {}

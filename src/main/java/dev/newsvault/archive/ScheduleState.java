package dev.newsvault.archive;

/**
 * The stored state of one scheduled job (a seed list, or the revisit rounds). Times are ISO-8601 UTC or null.
 */
public record ScheduleState(String name, String lastStarted, String lastFinished, String lastOutcome,
    String lastSummary, Long lastRunId, String nextRun, long runs, long failures) {

  /** Whether the last run's process died before recording how it ended (see {@code Archive.open}). */
  public boolean crashed() {
    return "crashed".equals(lastOutcome);
  }
}

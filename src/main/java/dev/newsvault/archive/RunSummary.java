package dev.newsvault.archive;

/** How a run ended: status (finished, interrupted, failed) and its counts. */
public record RunSummary(String status, long fetched, long archived, long skipped, long failed) {}

package dev.newsvault.archive;

/** One planned re-check, for status: URL, when, the interval, counts, and a title when one is known. */
public record RevisitQueueEntry(String url, String nextCheck, long intervalSeconds, long checks, long changes,
    String title) {}

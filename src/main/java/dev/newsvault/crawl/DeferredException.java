package dev.newsvault.crawl;

/** A URL put back in the queue because its host is busy (see {@link HostQueueing}). */
final class DeferredException extends RuntimeException {

  DeferredException(String url) {
    super(url + " deferred: its host is busy", null, false, false);
  }
}

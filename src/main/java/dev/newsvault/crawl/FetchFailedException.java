package dev.newsvault.crawl;

import dev.newsvault.fetch.Capture;

/**
 * Carries a failed capture out of crawler4j's fetch step to {@code onUnhandledException}, where it is
 * recorded: crawler4j's own callbacks for failures see only the URL, not the reason.
 */
final class FetchFailedException extends RuntimeException {

  private final transient Capture capture;

  FetchFailedException(Capture capture) {
    super(capture.failure() == null ? capture.url() : capture.failure().detail(), null, false, false);
    this.capture = capture;
  }

  Capture capture() {
    return capture;
  }
}

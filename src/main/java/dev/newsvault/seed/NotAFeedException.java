package dev.newsvault.seed;

import java.io.IOException;

/** A body that is not a feed or sitemap newsvault can read; the message names the URL and what it found. */
public class NotAFeedException extends IOException {
  public NotAFeedException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.newsvault.notify;

import java.util.List;

/**
 * One message a channel sends: one notice, a digest of several (the hourly cap was reached), or a test.
 *
 * @param event change, digest or test
 * @param key the idempotency key, the same on every attempt to send this message
 * @param notices what it tells, at least one
 */
public record Message(String event, String key, List<Notice> notices) {

  public Message {
    notices = List.copyOf(notices);
  }

  public boolean digest() {
    return "digest".equals(event);
  }
}

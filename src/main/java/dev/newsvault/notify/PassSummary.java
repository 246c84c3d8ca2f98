package dev.newsvault.notify;

/**
 * What one pass of the delivery worker did.
 *
 * @param routed notices matched against the channels
 * @param sent deliveries a channel accepted (a digest counts each notice it carried)
 * @param retrying deliveries that failed and wait for their next attempt
 * @param failed deliveries given up on
 */
public record PassSummary(int routed, int sent, int retrying, int failed) {

  static final PassSummary NONE = new PassSummary(0, 0, 0, 0);

  PassSummary plus(PassSummary o) {
    return new PassSummary(routed + o.routed, sent + o.sent, retrying + o.retrying, failed + o.failed);
  }
}

package dev.newsvault.archive;

/**
 * One notice routed to one channel, as the delivery worker and {@code status} see it.
 *
 * @param id the delivery row
 * @param noticeId the notice it carries
 * @param channel the channel's name in the config
 * @param idempotencyKey the same on every attempt, so a receiver can drop a repeat
 * @param state queued, sent or failed
 * @param attempts attempts made so far
 * @param queuedAt when it was routed, or queued again by {@code notify retry}
 * @param nextAttemptAt when it is due (queued only)
 * @param lastError what the last failed attempt said, or null
 * @param url the article's URL
 */
public record DeliveryRecord(long id, long noticeId, String channel, String idempotencyKey, String state,
    int attempts, String queuedAt, String nextAttemptAt, String lastError, String url) {}

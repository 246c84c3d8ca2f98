/**
 * Notices of changed articles: the channels that carry them (webhook, e-mail, Mastodon), the routing of each
 * notice to the channels that asked for its list, host and kind of change, the hourly cap with its digest,
 * and the delivery worker that sends what the archive queued, retrying with back-off until it gives up.
 * A notice is queued by the archive in the transaction of the version it announces, and marked sent only
 * after its channel accepted it: a crash in between sends it again, under the same idempotency key.
 */
package dev.newsvault.notify;

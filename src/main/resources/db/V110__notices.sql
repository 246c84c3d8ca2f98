-- newsvault archive, schema version 110: notices of changed articles (newsvault notify). IF NOT EXISTS: an
-- archive whose schema number was set back (as a test of older archives does) gets them once.

-- One row per new version of an article (version 2 and later), written in the transaction that stores the
-- version, so a version is never stored without its notice nor a notice queued for a version that was not.
-- routed_at is set when the delivery worker has matched the notice against the configured channels.
CREATE TABLE IF NOT EXISTS notice (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES article(id),
  version_id  INTEGER NOT NULL REFERENCES article_version(id),
  created_at  TEXT NOT NULL,
  routed_at   TEXT,
  UNIQUE (version_id)
);
CREATE INDEX IF NOT EXISTS notice_unrouted ON notice(routed_at) WHERE routed_at IS NULL;

-- One row per notice and channel it is routed to. The idempotency key ('nv-<notice>-<channel>') is sent with
-- every attempt, so a receiver can drop the repeat of a message whose success was not recorded before a crash.
CREATE TABLE IF NOT EXISTS notice_delivery (
  id              INTEGER PRIMARY KEY,
  notice_id       INTEGER NOT NULL REFERENCES notice(id),
  channel         TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  state           TEXT NOT NULL DEFAULT 'queued',   -- queued, sent, failed
  attempts        INTEGER NOT NULL DEFAULT 0,
  queued_at       TEXT NOT NULL,                    -- when routed, or when 'notify retry' queued it again
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  sent_at         TEXT,
  message_key     TEXT,                             -- the message that carried it: its own key, or a digest's
  UNIQUE (notice_id, channel)
);
CREATE INDEX IF NOT EXISTS notice_delivery_due ON notice_delivery(state, next_attempt_at);
CREATE INDEX IF NOT EXISTS notice_delivery_sent ON notice_delivery(channel, sent_at);

-- newsvault schema 30: scheduled crawls, feed and sitemap discovery, adaptive revisits.

-- One row per scheduled job (a seed list by name, or 'revisits'): what --once and status need to know.
CREATE TABLE schedule_state (
  name          TEXT PRIMARY KEY,
  last_started  TEXT,
  last_finished TEXT,
  last_outcome  TEXT,                 -- running, finished, partial, failed, interrupted
  last_summary  TEXT,
  last_run_id   INTEGER,
  next_run      TEXT,
  runs          INTEGER NOT NULL DEFAULT 0,
  failures      INTEGER NOT NULL DEFAULT 0
);

-- Every feed or sitemap fetched while expanding seeds, with the validators for the next conditional GET.
CREATE TABLE feed_source (
  url            TEXT PRIMARY KEY,
  kind           TEXT NOT NULL,       -- feed, sitemap
  title          TEXT,
  etag           TEXT,
  last_modified  TEXT,
  last_fetched   TEXT NOT NULL,
  last_status    INTEGER NOT NULL,
  entries        INTEGER NOT NULL DEFAULT 0,
  problem        TEXT
);

-- What a feed or news sitemap said about an article URL: fallback metadata for the archive.
CREATE TABLE feed_entry (
  url          TEXT PRIMARY KEY,
  source_url   TEXT NOT NULL,
  source_kind  TEXT NOT NULL,         -- feed, sitemap
  title        TEXT,
  published    TEXT,
  author       TEXT,
  first_seen   TEXT NOT NULL,
  last_seen    TEXT NOT NULL
);
CREATE INDEX feed_entry_source ON feed_entry(source_url);

-- Articles under adaptive revisit; next_check and interval_s are the last plan computed from revisit_check.
CREATE TABLE revisit (
  url           TEXT PRIMARY KEY,
  first_seen    TEXT NOT NULL,
  published     TEXT,
  state         TEXT NOT NULL DEFAULT 'active',  -- active, done, gone, moved
  next_check    TEXT,
  interval_s    INTEGER,
  checks        INTEGER NOT NULL DEFAULT 0,
  changes       INTEGER NOT NULL DEFAULT 0,
  last_checked  TEXT,
  last_outcome  TEXT
);
CREATE INDEX revisit_due ON revisit(state, next_check);

-- Every re-check, oldest first per URL: the history the revisit rule is computed from.
CREATE TABLE revisit_check (
  id          INTEGER PRIMARY KEY,
  url         TEXT NOT NULL,
  checked_at  TEXT NOT NULL,
  outcome     TEXT NOT NULL,          -- unchanged, changed, gone, moved, error
  run_id      INTEGER
);
CREATE INDEX revisit_check_url ON revisit_check(url, checked_at);

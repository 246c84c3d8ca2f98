-- newsvault archive, schema version 1: runs, fetches, raw pages, articles and their versions, the frontier.
-- Times are ISO-8601 UTC strings; hashes are 'sha256:<hex>'. Nothing here is ever updated in place
-- except counters and "last seen" marks: a changed article gets a new row in article_version.

CREATE TABLE crawl_run (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,              -- crawl, check, schedule, demo
  description  TEXT,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL DEFAULT 'running', -- running, finished, interrupted, failed
  fetched      INTEGER NOT NULL DEFAULT 0,
  archived     INTEGER NOT NULL DEFAULT 0,
  skipped      INTEGER NOT NULL DEFAULT 0,
  failed       INTEGER NOT NULL DEFAULT 0
);

-- Raw page bytes, gzip-compressed, stored once per distinct sha256 of the uncompressed body.
CREATE TABLE raw_page (
  sha256        TEXT PRIMARY KEY,
  size          INTEGER NOT NULL,
  content_type  TEXT,
  body_gzip     BLOB NOT NULL,
  first_seen    TEXT NOT NULL
);

-- Every fetch attempt, successful or not.
CREATE TABLE fetch (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER REFERENCES crawl_run(id),
  url            TEXT NOT NULL,
  final_url      TEXT,
  host           TEXT,
  status         INTEGER NOT NULL,
  fetched_at     TEXT NOT NULL,
  duration_ms    INTEGER,
  content_type   TEXT,
  etag           TEXT,
  last_modified  TEXT,
  headers_json   TEXT,
  raw_sha256     TEXT REFERENCES raw_page(sha256),
  outcome        TEXT NOT NULL,            -- archived, unchanged, skipped, failed
  failure_kind   TEXT,                     -- see FetchFailure.Kind
  failure_detail TEXT
);
CREATE INDEX fetch_url ON fetch(url);
CREATE INDEX fetch_run ON fetch(run_id);
CREATE INDEX fetch_failure ON fetch(failure_kind) WHERE failure_kind IS NOT NULL;

-- One row per article URL; its content lives in article_version.
CREATE TABLE article (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  canonical_url   TEXT,
  host            TEXT NOT NULL,
  first_seen      TEXT NOT NULL,
  last_seen       TEXT NOT NULL,
  last_checked    TEXT,
  current_version INTEGER NOT NULL DEFAULT 0,
  state           TEXT NOT NULL DEFAULT 'live'  -- live, gone, moved
);
CREATE INDEX article_host ON article(host);
CREATE INDEX article_canonical ON article(canonical_url);

-- Every distinct version of an article: a new row when the text, title or byline changes.
CREATE TABLE article_version (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES article(id),
  version        INTEGER NOT NULL,
  text_sha256    TEXT NOT NULL,            -- of ContentHash.normalize(text)
  meta_sha256    TEXT NOT NULL,            -- of normalized title + authors
  fetch_id       INTEGER REFERENCES fetch(id),
  raw_sha256     TEXT REFERENCES raw_page(sha256),
  fetched_at     TEXT NOT NULL,
  etag           TEXT,
  last_modified  TEXT,
  title          TEXT,
  authors_json   TEXT NOT NULL DEFAULT '[]',
  published      TEXT,
  modified       TEXT,
  site_name      TEXT,
  language       TEXT,
  description    TEXT,
  tags_json      TEXT NOT NULL DEFAULT '[]',
  image_url      TEXT,
  canonical_url  TEXT,
  text           TEXT NOT NULL,
  word_count     INTEGER NOT NULL,
  UNIQUE (article_id, version)
);
CREATE INDEX article_version_text ON article_version(text_sha256);

-- Every URL the crawl discovered, so an interrupted crawl resumes without losing any.
CREATE TABLE frontier (
  url            TEXT PRIMARY KEY,
  seed           TEXT,
  depth          INTEGER NOT NULL,
  state          TEXT NOT NULL DEFAULT 'queued',  -- queued, done
  discovered_at  TEXT NOT NULL,
  run_id         INTEGER
);
CREATE INDEX frontier_state ON frontier(state);

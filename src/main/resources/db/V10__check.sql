-- newsvault archive, schema version 10: re-checks of archived articles (newsvault check).

-- One row per check of one article: what the re-fetch found and what it did to the archive.
CREATE TABLE article_check (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER REFERENCES crawl_run(id),
  article_id     INTEGER NOT NULL REFERENCES article(id),
  fetch_id       INTEGER REFERENCES fetch(id),
  checked_at     TEXT NOT NULL,
  outcome        TEXT NOT NULL,            -- unchanged, changed, gone, moved, error
  version        INTEGER NOT NULL,         -- the article's current version after the check
  words_added    INTEGER NOT NULL DEFAULT 0,
  words_removed  INTEGER NOT NULL DEFAULT 0,
  final_url      TEXT,                     -- where a redirect led, when it did
  detail         TEXT
);
CREATE INDEX article_check_article ON article_check(article_id, id);
CREATE INDEX article_check_run ON article_check(run_id);

-- The validators of the last response known to hold the current version: a page whose chrome changes
-- its ETag while its text stays the same gets a 304 on the next check instead of a full download.
ALTER TABLE article ADD COLUMN check_etag TEXT;
ALTER TABLE article ADD COLUMN check_last_modified TEXT;

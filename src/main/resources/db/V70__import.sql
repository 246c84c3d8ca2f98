-- newsvault schema 70: WARC import (newsvault import). Which files are done, and where every imported
-- capture came from, so a re-run skips finished files and records already in the archive, and an export
-- can point back to the original WARC record.

-- One row per WARC file seen; completed_at is set only when every record of it was read and committed.
CREATE TABLE import_file (
  file_key      TEXT PRIMARY KEY,     -- sha256 of the file's size and first MiB: the same file under any name
  path          TEXT NOT NULL,        -- where it was last read from
  size          INTEGER NOT NULL,
  run_id        INTEGER REFERENCES crawl_run(id),
  started_at    TEXT NOT NULL,
  completed_at  TEXT,
  records       INTEGER NOT NULL DEFAULT 0,   -- WARC records read (all types)
  imported      INTEGER NOT NULL DEFAULT 0,   -- captures written to the archive
  skipped       INTEGER NOT NULL DEFAULT 0    -- captures skipped (non-HTML, truncated, malformed, duplicate, ...)
);

-- One row per imported capture record (response or revisit), written in the same transaction as its fetch row.
CREATE TABLE warc_origin (
  record_id       TEXT PRIMARY KEY,   -- WARC-Record-ID, e.g. <urn:uuid:...>
  fetch_id        INTEGER REFERENCES fetch(id),
  file            TEXT NOT NULL,      -- the WARC file's name as given on the command line
  offset          INTEGER NOT NULL,   -- byte offset of the record (of its gzip member when compressed)
  record_type     TEXT NOT NULL,      -- response, revisit
  url             TEXT NOT NULL,
  warc_date       TEXT NOT NULL,
  payload_digest  TEXT,               -- WARC-Payload-Digest as written, e.g. sha1:...
  raw_sha256      TEXT                -- the payload as stored in raw_page
);
CREATE INDEX warc_origin_fetch ON warc_origin(fetch_id);
CREATE INDEX warc_origin_payload ON warc_origin(payload_digest);

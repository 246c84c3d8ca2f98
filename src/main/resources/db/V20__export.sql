-- Export checkpoints: what an export run under a given name has already written, so the next run under
-- that name writes only article versions archived since. article_version ids only grow, so the highest id
-- the last complete export saw is the whole of the state.
CREATE TABLE export_checkpoint (
  name            TEXT PRIMARY KEY,
  last_version_id INTEGER NOT NULL,   -- article_version.id: everything up to here was considered
  exported_at     TEXT NOT NULL,      -- when the output was completed
  records         INTEGER NOT NULL,   -- how many records that run wrote
  format          TEXT,
  filters         TEXT                -- the filters of that run, for people reading the table
);

-- Read-only views for people who open the archive from other tools (Python's sqlite3 or pandas, DuckDB,
-- Datasette): the common questions without knowing the schema. Column names are the export's where the two
-- overlap (url, title, authors, word_count, text_sha256, change_kind), so a query and an export read alike.
-- Each view is dropped and made again, so the file can be applied to an archive that has an older one.

-- The current version of each article, with its metadata.
DROP VIEW IF EXISTS v_latest_article;
CREATE VIEW v_latest_article AS
SELECT a.id AS article_id, a.url, a.canonical_url, a.host, a.state, a.first_seen, a.last_seen, a.last_checked,
       a.current_version AS versions, v.version, v.fetched_at, v.title, v.authors_json AS authors, v.published,
       v.modified, v.site_name, v.language, v.language_detected, v.description, v.tags_json AS tags,
       v.image_url, v.word_count, v.text_sha256, v.change_kind, v.text
FROM article a JOIN article_version v ON v.article_id = a.id AND v.version = a.current_version;

-- Every archived version of every article, with the kind of change that made it (null for the first).
DROP VIEW IF EXISTS v_article_version;
CREATE VIEW v_article_version AS
SELECT v.id AS version_id, a.id AS article_id, a.url, a.host, v.version, v.fetched_at, v.change_kind,
       v.words_added, v.words_removed, v.word_count, v.title, v.authors_json AS authors, v.published,
       v.modified, v.language, v.text_sha256, v.raw_sha256, v.text
FROM article_version v JOIN article a ON a.id = v.article_id;

-- Every fetch that failed or was skipped, with its kind and reason.
DROP VIEW IF EXISTS v_fetch_failure;
CREATE VIEW v_fetch_failure AS
SELECT f.id AS fetch_id, f.run_id, f.fetched_at, f.url, f.final_url, f.host, f.status AS http_status, f.outcome,
       f.failure_kind, f.failure_detail
FROM fetch f WHERE f.failure_kind IS NOT NULL;

-- Failed or skipped fetches counted by kind: how many, of how many URLs and hosts, and the latest.
DROP VIEW IF EXISTS v_failures_by_kind;
CREATE VIEW v_failures_by_kind AS
SELECT failure_kind, COUNT(*) AS fetches, COUNT(DISTINCT url) AS urls, COUNT(DISTINCT host) AS hosts,
       MAX(fetched_at) AS last_fetched_at
FROM fetch WHERE failure_kind IS NOT NULL GROUP BY failure_kind;

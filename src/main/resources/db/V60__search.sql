-- newsvault schema 60: full-text search over article versions (newsvault serve), and the indexes its pages use.
-- article_search is an FTS5 index with external content: it stores only the index, the text stays in
-- article_version. Triggers keep it in step inside the writer's own transaction, so a crash leaves either
-- both the version and its index entry or neither. Trigger bodies stay on one line: migrations split on ';'
-- at the end of a line.
CREATE VIRTUAL TABLE article_search USING fts5(title, text, content='article_version', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER article_search_insert AFTER INSERT ON article_version BEGIN INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text); END;

CREATE TRIGGER article_search_delete AFTER DELETE ON article_version BEGIN INSERT INTO article_search(article_search, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END;

CREATE TRIGGER article_search_update AFTER UPDATE OF title, text ON article_version BEGIN INSERT INTO article_search(article_search, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text); END;

-- Index the versions archived before this schema. search_index_progress(total) is registered by the archive
-- when it migrates: it reports progress on large archives and always returns true.
INSERT INTO article_search(rowid, title, text)
  SELECT v.id, v.title, v.text FROM article_version v, (SELECT COUNT(*) AS n FROM article_version) t
  WHERE search_index_progress(t.n) ORDER BY v.id;

-- The home page's latest articles and recent changes, and the sites page (last fetch, per-day chart),
-- answered from indexes instead of scans of the large tables (current_version makes the per-site counts covered).
CREATE INDEX article_first_seen ON article(first_seen);
CREATE INDEX article_host_first_seen ON article(host, first_seen, current_version);
CREATE INDEX article_version_changed ON article_version(fetched_at) WHERE version > 1;
CREATE INDEX fetch_host_time ON fetch(host, fetched_at);

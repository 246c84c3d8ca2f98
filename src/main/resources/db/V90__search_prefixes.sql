-- newsvault schema 90: the search index also indexes the first two and three letters of every word, so a
-- prefix search (sta*) reads one list instead of merging the lists of every word that starts so (on a large
-- archive that took seconds). FTS5 fixes its prefix lengths when the table is made, so the index is made
-- again, with the same columns, tokenizer and triggers as schema 60, inside this migration's one transaction:
-- a crash leaves the old index or the new one, never half of one.
DROP TRIGGER article_search_insert;
DROP TRIGGER article_search_delete;
DROP TRIGGER article_search_update;
DROP TABLE article_search;

CREATE VIRTUAL TABLE article_search USING fts5(title, text, content='article_version', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');

CREATE TRIGGER article_search_insert AFTER INSERT ON article_version BEGIN INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text); END;

CREATE TRIGGER article_search_delete AFTER DELETE ON article_version BEGIN INSERT INTO article_search(article_search, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END;

CREATE TRIGGER article_search_update AFTER UPDATE OF title, text ON article_version BEGIN INSERT INTO article_search(article_search, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); INSERT INTO article_search(rowid, title, text) VALUES (new.id, new.title, new.text); END;

-- Index every version again; search_index_progress(total) prints how far it is on a large archive.
INSERT INTO article_search(rowid, title, text)
  SELECT v.id, v.title, v.text FROM article_version v, (SELECT COUNT(*) AS n FROM article_version) t
  WHERE search_index_progress(t.n) ORDER BY v.id;

-- newsvault archive, schema version 80: what kind of edit made each new version (newsvault check).

-- The label of the change from the previous version: typo, byline, number, wording, paragraph_added,
-- paragraph_removed, headline, correction or rewrite, and the words added and removed (counted without
-- counters and relative times). NULL for version 1 and for versions stored by a crawl rather than a check.
ALTER TABLE article_version ADD COLUMN change_kind TEXT;
ALTER TABLE article_version ADD COLUMN words_added INTEGER;
ALTER TABLE article_version ADD COLUMN words_removed INTEGER;

-- The same label on the check that stored the version.
ALTER TABLE article_check ADD COLUMN change_kind TEXT;

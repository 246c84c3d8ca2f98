-- newsvault schema 91: narrow indexes holding just what search checks for each match (is it the current
-- version, which site, language and day), so filtering thousands of matches reads a few small, hot pages
-- instead of one large version row (its text) and one article row per match.
CREATE INDEX IF NOT EXISTS article_version_search ON article_version(id, article_id, version, language, published);
CREATE INDEX IF NOT EXISTS article_search_filter ON article(id, current_version, host, first_seen);

-- newsvault archive, schema version 140: what an export writes that is derived from the raw page or the text,
-- stored with each version when it is archived, so an export reads it instead of decompressing and parsing the
-- raw page (categories) or hashing the text again (fingerprint, near-duplicates).

-- The sections the raw page declares (article:section, JSON-LD articleSection), as a JSON list.
ALTER TABLE article_version ADD COLUMN categories_json TEXT;
-- The text's 64-bit SimHash (signed), the export's fingerprint and the key of its near-duplicate pass.
ALTER TABLE article_version ADD COLUMN simhash INTEGER;

-- Fill the versions archived before this schema, once. page_categories and text_simhash compute what the write
-- path stores; export_fields_progress(total) reports progress on large archives and always returns true.
UPDATE article_version SET
  categories_json = page_categories((SELECT r.body_gzip FROM raw_page r WHERE r.sha256 = article_version.raw_sha256),
    (SELECT f.content_type FROM fetch f WHERE f.id = article_version.fetch_id)),
  simhash = text_simhash(text)
  WHERE export_fields_progress((SELECT COUNT(*) FROM article_version));

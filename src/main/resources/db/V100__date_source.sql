-- Where each version's published and modified dates were read (json-ld, meta, microdata, time, url, text),
-- so exports and `show` can say how far to trust a date. Versions archived before this stay NULL: unknown.
ALTER TABLE article_version ADD COLUMN date_source TEXT;
ALTER TABLE article_version ADD COLUMN modified_source TEXT;

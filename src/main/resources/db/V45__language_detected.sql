-- The language detected from the article text, next to the language the page declares.
ALTER TABLE article_version ADD COLUMN language_detected TEXT;

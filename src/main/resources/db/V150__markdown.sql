-- The article text with its structure (headings, lists, quotes, tables, links) as CommonMark, written by the
-- extractor from the same blocks as the text. Kept rather than derived again at export: the raw page is not
-- always kept, and a later extractor could give Markdown whose text is not the archived text. NULL for
-- versions archived before it; readers give those their text as Markdown paragraphs.
ALTER TABLE article_version ADD COLUMN markdown TEXT;

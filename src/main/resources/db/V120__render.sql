-- newsvault schema 120: pages loaded in headless Chromium (render=browser, render.hosts, screenshots=true).
-- The DOM the browser built is kept beside the raw HTTP response of the same fetch (which stays in raw_page,
-- for WARC and hashes), and every new article version of a rendered page gets one screenshot.

-- Rendered DOMs, gzip-compressed, stored once per distinct sha256 of the serialised DOM.
CREATE TABLE IF NOT EXISTS rendered_dom (
  sha256      TEXT PRIMARY KEY,
  size        INTEGER NOT NULL,
  body_gzip   BLOB NOT NULL,
  first_seen  TEXT NOT NULL
);

-- One row per fetch that was also rendered.
CREATE TABLE IF NOT EXISTS fetch_render (
  fetch_id      INTEGER PRIMARY KEY REFERENCES fetch(id),
  dom_sha256    TEXT NOT NULL REFERENCES rendered_dom(sha256),
  final_url     TEXT,                      -- where the browser ended (script navigation included)
  for_text      INTEGER NOT NULL,          -- 1: the article was extracted from this DOM; 0: only the picture
  settled       INTEGER NOT NULL,          -- 1: the network went quiet within render.settle.ms
  refused_json  TEXT NOT NULL DEFAULT '[]',-- requests of the page the address guard refused
  duration_ms   INTEGER
);

-- One full-page screenshot per article version (height capped by render.screenshot.max.height).
CREATE TABLE IF NOT EXISTS screenshot (
  article_id  INTEGER NOT NULL REFERENCES article(id),
  version     INTEGER NOT NULL,
  fetch_id    INTEGER REFERENCES fetch(id),
  media_type  TEXT NOT NULL,               -- image/webp or image/jpeg
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  cut         INTEGER NOT NULL,            -- 1: the page was taller and only its top is shown
  image       BLOB NOT NULL,
  taken_at    TEXT NOT NULL,
  PRIMARY KEY (article_id, version)
);

-- 0001: articles with their versions, sources and aliases, and the
-- full-text index over them.
--
-- Times: *_at columns are Unix nanoseconds (UTC); published_start and
-- published_end are Unix seconds bounding the period a partial date covers,
-- [start, end), NULL when the date is unknown.

CREATE TABLE articles (
	rowid               INTEGER PRIMARY KEY, -- stable: the full-text index points at it
	id                  TEXT    NOT NULL UNIQUE,
	hash                TEXT    NOT NULL,    -- veille.ContentHash(text)
	version             INTEGER NOT NULL,    -- 1 for the first text stored under id
	lang                TEXT    NOT NULL DEFAULT '',
	lang_source         TEXT    NOT NULL DEFAULT '',
	outlet              TEXT    NOT NULL DEFAULT '',
	published_start     INTEGER,
	published_end       INTEGER,
	published_precision TEXT    NOT NULL DEFAULT '',
	format              TEXT    NOT NULL DEFAULT '',
	ingested_at         INTEGER NOT NULL,
	analysis_version    INTEGER NOT NULL DEFAULT 0, -- 0: no analysis
	url                 TEXT    NOT NULL DEFAULT '',
	title               TEXT    NOT NULL DEFAULT '',
	author              TEXT    NOT NULL DEFAULT '',
	-- Large columns last, so that filters never read their overflow pages.
	text                TEXT    NOT NULL,
	stems               TEXT    NOT NULL,    -- nlp.StemText(lang, title + "\n" + text)
	analysis            TEXT                 -- JSON veille.Analysis, NULL when none
);
CREATE INDEX articles_hash ON articles (hash);

-- Superseded texts of articles; the current one is in articles. The view
-- article_texts lists every stored text.
CREATE TABLE article_versions (
	id          TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	version     INTEGER NOT NULL,
	hash        TEXT    NOT NULL,
	title       TEXT    NOT NULL,
	text        TEXT    NOT NULL,
	ingested_at INTEGER NOT NULL,
	PRIMARY KEY (id, version)
) WITHOUT ROWID;
CREATE INDEX article_versions_hash ON article_versions (hash);

CREATE VIEW article_texts (id, version, hash, title, text, ingested_at, current) AS
	SELECT id, version, hash, title, text, ingested_at, 1 FROM articles
	UNION ALL
	SELECT id, version, hash, title, text, ingested_at, 0 FROM article_versions;

-- Where each article was found. A source is distinct by its URL, source id
-- and outlet; seeing it again adds nothing.
CREATE TABLE sources (
	article_id TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	url        TEXT    NOT NULL DEFAULT '',
	source_id  TEXT    NOT NULL DEFAULT '',
	outlet     TEXT    NOT NULL DEFAULT '',
	published  TEXT    NOT NULL DEFAULT '', -- as veille.Date.String
	format     TEXT    NOT NULL DEFAULT '',
	origin     TEXT    NOT NULL DEFAULT '',
	seen_at    INTEGER NOT NULL,
	UNIQUE (article_id, url, source_id, outlet)
);

-- Every name an article answers to: its ID, its URLs and its source ids.
-- The first article to claim an alias keeps it.
CREATE TABLE aliases (
	alias      TEXT NOT NULL PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX aliases_article ON aliases (article_id);

-- Full-text index, its content read from articles. Put writes it in the
-- transaction that writes the articles, once per batch: a trigger per row
-- would make FTS5 flush its pending terms at every statement and merge
-- thousands of tiny segments. Deleting an article removes its entry.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text, stems,
	content = 'articles', content_rowid = 'rowid',
	tokenize = 'unicode61 remove_diacritics 2'
);
-- Rank by bm25 with a title match worth four of the text.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 1.0)');

-- The index entries of the articles a Put updates, kept from the update
-- of the row to the end of the Put, which removes them from the index:
-- empty between transactions.
CREATE TABLE fts_stale (
	rowid INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	text  TEXT NOT NULL,
	stems TEXT NOT NULL
);

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text, stems)
	VALUES ('delete', old.rowid, old.title, old.text, old.stems);
END;

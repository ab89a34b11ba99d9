-- 0003: the entity index. One row per entity an article's analysis names
-- (Analysis.Entities with an ID), with how many mentions it has there, so
-- that an entity page counts every article that mentions it rather than
-- the best hits of a text search. Put writes the rows of new and updated
-- articles, Reanalyze replaces them with each new analysis, and deleting
-- an article deletes its rows.
--
-- published_start and precision copy the article's published_start and
-- published_precision (see 0001), so that the per-day counts and the
-- newest-first list read this table alone.
CREATE TABLE mentions (
	article_id      TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	entity_id       TEXT    NOT NULL,
	type            TEXT    NOT NULL DEFAULT '',
	name            TEXT    NOT NULL DEFAULT '',
	country         TEXT    NOT NULL DEFAULT '',
	n               INTEGER NOT NULL DEFAULT 0, -- mentions of the entity in the article
	published_start INTEGER,                    -- Unix seconds; NULL when undated
	precision       TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions (entity_id, published_start);

-- Backfill from the stored analyses: one pass over their JSON, which takes
-- seconds on a corpus of tens of thousands of articles. (`veille reanalyze
-- --all` rewrites the same rows.)
INSERT INTO mentions (article_id, entity_id, type, name, country, n, published_start, precision)
SELECT a.id, json_extract(e.value, '$.id'),
	coalesce(json_extract(e.value, '$.type'), ''),
	coalesce(json_extract(e.value, '$.name'), ''),
	coalesce(json_extract(e.value, '$.country'), ''),
	max(coalesce(json_array_length(e.value, '$.mentions'), 0)),
	a.published_start, a.published_precision
FROM articles AS a, json_each(a.analysis, '$.entities') AS e
WHERE a.analysis IS NOT NULL AND coalesce(json_extract(e.value, '$.id'), '') <> ''
GROUP BY a.id, json_extract(e.value, '$.id');

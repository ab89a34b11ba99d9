-- 0002: keep the publication date as written (veille.Date.String), so that
-- an instant keeps the UTC offset it was published with; published_start
-- and published_end still serve the date filters.
ALTER TABLE articles ADD COLUMN published TEXT NOT NULL DEFAULT '';

UPDATE articles SET published = CASE published_precision
	WHEN 'year'    THEN strftime('%Y', published_start, 'unixepoch')
	WHEN 'month'   THEN strftime('%Y-%m', published_start, 'unixepoch')
	WHEN 'day'     THEN strftime('%Y-%m-%d', published_start, 'unixepoch')
	WHEN 'instant' THEN strftime('%Y-%m-%dT%H:%M:%SZ', published_start, 'unixepoch')
	ELSE '' END
WHERE published_start IS NOT NULL;

-- Every command updates its site's row (the outbox sequence, decision 0032), hundreds
-- of times a second at a busy site. With the configuration document stored inline, a
-- row version took a large part of a page: the old versions could not be pruned in
-- place fast enough, updates left the page, and each read of the row walked dead
-- versions across hundreds of pages (measured: 8 live rows in 958 pages). Keep the
-- document out of line so a version is a few dozen bytes, and leave room on the page
-- for in-place (HOT) updates.
ALTER TABLE mpp_queue_sites ALTER COLUMN config SET STORAGE EXTERNAL;
ALTER TABLE mpp_queue_sites SET (toast_tuple_target = 128, fillfactor = 50);
-- Rewrite the existing rows so they follow the new settings now.
UPDATE mpp_queue_sites SET config = config || '{}'::jsonb;

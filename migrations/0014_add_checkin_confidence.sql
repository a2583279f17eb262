-- The lead's confidence with each check-in (issue 16).
-- A check-in may carry the lead's confidence on the pulse's scale, 1 (Struggling) to 5
-- (Exceeding); the key result keeps its latest one, as it keeps its latest value. Check-ins
-- written before this migration asked for none, so existing rows stay NULL ("not given").
ALTER TABLE kr_checkins ADD COLUMN confidence INTEGER CHECK (confidence IS NULL OR confidence BETWEEN 1 AND 5);
ALTER TABLE key_results ADD COLUMN confidence INTEGER CHECK (confidence IS NULL OR confidence BETWEEN 1 AND 5);

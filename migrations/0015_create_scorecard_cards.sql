-- The share card (og:image) of a public Scorecard result, drawn once per result and card
-- design, then served from here. It shows only the result's scores, so it holds nothing the
-- result itself does not.
CREATE TABLE scorecard_cards (
  result_id TEXT NOT NULL REFERENCES scorecard_results (id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version >= 1),  -- the card design it was drawn with
  png BLOB NOT NULL,
  PRIMARY KEY (result_id, version)
) WITHOUT ROWID;

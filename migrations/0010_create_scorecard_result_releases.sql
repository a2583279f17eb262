-- What each group of a campaign result last published: everyone (with the per-statement answer
-- counts), leaders, and everyone else. A group's figures change only once at least k more of
-- its people have answered since, so nobody can read one person's answers, or that they lead
-- a team, from the change they see right after that person answered.
CREATE TABLE scorecard_result_releases (
  campaign_id TEXT NOT NULL REFERENCES scorecard_campaigns (id) ON DELETE CASCADE,
  grp TEXT NOT NULL CHECK (grp IN ('everyone', 'leaders', 'rest')),
  n INTEGER NOT NULL CHECK (n >= 0),
  clarity REAL NOT NULL,               -- sums of the group's dimension scores
  context REAL NOT NULL,
  autonomy REAL NOT NULL,
  velocity REAL NOT NULL,
  answer_counts TEXT NOT NULL,         -- JSON [[statement id, answer 1-5, count], ...]; [] but for everyone
  PRIMARY KEY (campaign_id, grp)
) WITHOUT ROWID;

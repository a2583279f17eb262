-- One publication model for every anonymous figure (docs/ANONYMITY.md).
--
-- k is fixed for a wave when it starts and for a campaign when it opens, and stays with their
-- data: lowering the org's k later applies to future waves and campaigns only. Waves already
-- running or over keep the org's k of today (it was locked while they ran); drafts get theirs
-- when they start.
ALTER TABLE waves ADD COLUMN anonymity_k INTEGER CHECK (anonymity_k IS NULL OR anonymity_k BETWEEN 3 AND 10);
UPDATE waves SET anonymity_k = (SELECT o.anonymity_k FROM orgs o WHERE o.id = waves.org_id) WHERE state IN ('active', 'completed');

ALTER TABLE scorecard_campaigns ADD COLUMN anonymity_k INTEGER NOT NULL DEFAULT 5 CHECK (anonymity_k BETWEEN 3 AND 10);
UPDATE scorecard_campaigns SET anonymity_k = (SELECT o.anonymity_k FROM orgs o WHERE o.id = scorecard_campaigns.org_id);

-- A campaign's split publishes only when both groups grew by k since everyone's last release,
-- so everyone's release keeps how many of its people lead a team (never shown). Known for the
-- releases the split published with; unknown (NULL) otherwise, and then the split waits for
-- the campaign to close.
ALTER TABLE scorecard_result_releases ADD COLUMN leaders_at INTEGER CHECK (leaders_at IS NULL OR leaders_at >= 0);
UPDATE scorecard_result_releases SET leaders_at = (
  SELECT l.n FROM scorecard_result_releases l JOIN scorecard_result_releases r ON r.campaign_id = l.campaign_id AND r.grp = 'rest'
  WHERE l.campaign_id = scorecard_result_releases.campaign_id AND l.grp = 'leaders' AND l.n + r.n = scorecard_result_releases.n
) WHERE grp = 'everyone';
-- Results are recomputed under the new rules.
DELETE FROM scorecard_result_snapshots;

-- A pulse week publishes once, as one snapshot of all its counts, once it is over in every
-- time zone (its Monday + 7 days + 12 hours UTC); nothing about that week changes after.
-- The snapshot keeps the names, the objectives and the k of that moment, so deleting an
-- objective or a team, or changing a setting, changes nothing that was published.
CREATE TABLE pulse_week_releases (
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  wave_id TEXT NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  week TEXT NOT NULL,                  -- Monday, YYYY-MM-DD
  k INTEGER NOT NULL CHECK (k BETWEEN 3 AND 10),
  snapshot TEXT NOT NULL,              -- JSON WeekSnapshot (src/domain/pulse/publication.ts)
  PRIMARY KEY (wave_id, week)
) WITHOUT ROWID;
CREATE INDEX idx_pulse_week_releases_org_id ON pulse_week_releases (org_id);

-- The per-cell releases of 0009 are replaced: each cell moved on its own, at its own moment,
-- which is what let figures of different moments be subtracted. Weeks already over are
-- published afresh, once, from their final counts on the next read.
DROP TABLE pulse_releases;

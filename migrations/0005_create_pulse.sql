-- The anonymous weekly pulse. A team shares one link; each browser that votes through it
-- gets an anonymous credential, stored only as a hash and tied to no person. Votes hold
-- no credential, IP, user agent or time finer than their week. The once-per-week guard sits
-- in its own table with no link to the vote rows. Both are WITHOUT ROWID tables keyed by
-- random or hashed values, so not even insertion order pairs a guard row with a vote row.

-- The team's shareable link. The token is kept in clear so the lead can copy it again; it
-- grants nothing but the right to vote, within the team's declared size.
CREATE TABLE pulse_links (
  token TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
) WITHOUT ROWID;
-- At most one live link per team.
CREATE UNIQUE INDEX idx_pulse_links_team_id_live ON pulse_links (team_id) WHERE revoked_at IS NULL;

-- Anonymous credentials handed out per team and wave, counted against the declared size.
CREATE TABLE pulse_credentials (
  credential_hash TEXT PRIMARY KEY,    -- SHA-256 of the random cookie value
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  wave_id TEXT NOT NULL REFERENCES waves (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX idx_pulse_credentials_team_id_wave_id ON pulse_credentials (team_id, wave_id);

-- One row per credential, objective and week: the guard against a second vote. The
-- submission id lets a retried submission be recognised as the same one. Rows are deleted
-- once their week is over (the hourly job), so a credential's voting pattern is not kept.
CREATE TABLE pulse_guards (
  credential_hash TEXT NOT NULL,
  objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  week TEXT NOT NULL,                  -- Monday of the week, YYYY-MM-DD, in the org's time zone
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  submission_id TEXT NOT NULL,
  PRIMARY KEY (credential_hash, objective_id, week)
) WITHOUT ROWID;
CREATE INDEX idx_pulse_guards_team_id_week ON pulse_guards (team_id, week);

-- How many people voted for a team in a week, whatever the number of objectives each rated:
-- the respondent count the threshold applies to for a team's week. Counted in the vote batch.
CREATE TABLE pulse_respondents (
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  wave_id TEXT NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  respondents INTEGER NOT NULL CHECK (respondents >= 0),
  PRIMARY KEY (team_id, wave_id, week)
) WITHOUT ROWID;
CREATE INDEX idx_pulse_respondents_org_id_wave_id ON pulse_respondents (org_id, wave_id);

-- The votes themselves: objective, week, score, optional comment. Nothing else.
CREATE TABLE pulse_votes (
  id TEXT PRIMARY KEY,                 -- random; carries no order
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  wave_id TEXT NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment TEXT
) WITHOUT ROWID;
CREATE INDEX idx_pulse_votes_org_id_wave_id ON pulse_votes (org_id, wave_id);
CREATE INDEX idx_pulse_votes_team_id_week ON pulse_votes (team_id, week);

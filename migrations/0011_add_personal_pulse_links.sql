-- Who counts towards k. A team runs its pulse either on its shared link (what people paste in
-- a chat; its page says answers can include the lead's own) or on personal links: each
-- address on the team's list gets its own link each week, and the shared link is off.
-- Existing teams keep the shared link they already handed out. The mode is changed only
-- between waves, so every credential of a wave comes from one mode.
ALTER TABLE teams ADD COLUMN pulse_mode TEXT NOT NULL DEFAULT 'shared' CHECK (pulse_mode IN ('shared', 'personal'));

-- One personal link per address and week, written in the same batch as the reminder email
-- that carries it. No address, person or message id is kept here: only the SHA-256 of the
-- link's token, its team, wave and week. The credential a link hands out is derived from the
-- token, so one link gives one credential, and the credential's hash cannot be computed from
-- this row. Rows are deleted once their week is over.
CREATE TABLE pulse_personal_links (
  token_hash TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  wave_id TEXT NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  week TEXT NOT NULL                   -- Monday of the week it is valid in, org time zone
) WITHOUT ROWID;
CREATE INDEX idx_pulse_personal_links_week ON pulse_personal_links (week);

-- When the team's address list last changed (added or removed an address): personal link
-- pages show it, so a list changed while a wave runs is visible to the whole team.
ALTER TABLE teams ADD COLUMN addresses_changed_at TEXT;
UPDATE teams SET addresses_changed_at = (SELECT MAX(a.added_at) FROM team_member_addresses a WHERE a.team_id = teams.id);

-- A campaign's answer cap is fixed when it opens: raising the org's headcount later cannot
-- reopen a full link or be used to learn how many people answered.
ALTER TABLE scorecard_campaigns ADD COLUMN headcount INTEGER CHECK (headcount IS NULL OR headcount BETWEEN 1 AND 100000);
UPDATE scorecard_campaigns SET headcount = (SELECT o.headcount FROM orgs o WHERE o.id = scorecard_campaigns.org_id);

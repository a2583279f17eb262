-- Org Scorecard campaigns: an org runs the Aligned Autonomy Scorecard among its own people
-- through an anonymous link, and sees one result per campaign.

-- How many people work in the org: a campaign link accepts at most this many answers.
-- Existing orgs start from their teams' declared sizes plus their admins; an org without
-- teams stays unset until an admin sets it in Settings.
ALTER TABLE orgs ADD COLUMN headcount INTEGER CHECK (headcount IS NULL OR headcount BETWEEN 1 AND 100000);
UPDATE orgs SET headcount = (SELECT SUM(t.declared_size) FROM teams t WHERE t.org_id = orgs.id)
  + (SELECT COUNT(*) FROM memberships m WHERE m.org_id = orgs.id AND m.role = 'admin');

CREATE TABLE scorecard_campaigns (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  wave_id TEXT REFERENCES waves (id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  link_token TEXT NOT NULL,            -- the /s/{token} capability; 128-bit random
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  responses INTEGER NOT NULL DEFAULT 0 CHECK (responses >= 0),
  -- Bumped in the same batch as every response and on close: a stored result snapshot is
  -- current only while its version equals this one.
  result_version INTEGER NOT NULL DEFAULT 0,
  opened_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE UNIQUE INDEX idx_scorecard_campaigns_link_token ON scorecard_campaigns (link_token);
CREATE INDEX idx_scorecard_campaigns_org_id_opened_at ON scorecard_campaigns (org_id, opened_at);
-- At most one open campaign per org: "the" link people are sent is never ambiguous.
CREATE UNIQUE INDEX idx_scorecard_campaigns_org_id_open ON scorecard_campaigns (org_id) WHERE state = 'open';

-- One anonymous answer set. No person, credential, address, user agent or time: only the
-- answers, the scores derived from them and the optional "I lead a team or the org" flag.
-- WITHOUT ROWID with a random key: rows are stored in key order, not insertion order, so
-- nothing pairs a response with the credential row written in the same batch.
CREATE TABLE scorecard_responses (
  id TEXT PRIMARY KEY,                 -- 128-bit random
  campaign_id TEXT NOT NULL REFERENCES scorecard_campaigns (id) ON DELETE CASCADE,
  is_leader INTEGER NOT NULL CHECK (is_leader IN (0, 1)),
  answers TEXT NOT NULL,               -- JSON object statement id -> 1..5
  clarity REAL NOT NULL CHECK (clarity BETWEEN 0 AND 100),
  context REAL NOT NULL CHECK (context BETWEEN 0 AND 100),
  autonomy REAL NOT NULL CHECK (autonomy BETWEEN 0 AND 100),
  velocity REAL NOT NULL CHECK (velocity BETWEEN 0 AND 100)
) WITHOUT ROWID;
CREATE INDEX idx_scorecard_responses_campaign_id ON scorecard_responses (campaign_id);

-- The once-per-browser guard: SHA-256 of (campaign id, the browser's random cookie value).
-- No link to the response row; keyed by the hash, so its order says nothing either.
CREATE TABLE scorecard_campaign_credentials (
  campaign_id TEXT NOT NULL REFERENCES scorecard_campaigns (id) ON DELETE CASCADE,
  credential_hash TEXT NOT NULL,
  PRIMARY KEY (campaign_id, credential_hash)
) WITHOUT ROWID;

-- The finished, suppressed result model of a campaign, computed once per result version and
-- anonymity threshold; pages and share links serve it without aggregating again.
CREATE TABLE scorecard_result_snapshots (
  campaign_id TEXT PRIMARY KEY REFERENCES scorecard_campaigns (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  k INTEGER NOT NULL,
  format INTEGER NOT NULL,             -- shape of the model; a new shape makes old snapshots stale
  model TEXT NOT NULL,                 -- JSON
  computed_at TEXT NOT NULL
);

-- Read-only links to one campaign's result for people outside the org.
CREATE TABLE scorecard_share_links (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  campaign_id TEXT NOT NULL REFERENCES scorecard_campaigns (id) ON DELETE CASCADE,
  token TEXT NOT NULL,                 -- the /share/{token} capability; 128-bit random
  created_by TEXT REFERENCES people (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,                     -- ISO instant; NULL never expires
  revoked_at TEXT
);
CREATE UNIQUE INDEX idx_scorecard_share_links_token ON scorecard_share_links (token);
CREATE INDEX idx_scorecard_share_links_org_id ON scorecard_share_links (org_id);

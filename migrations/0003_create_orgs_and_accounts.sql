-- Organisations, the people who sign in to them, teams, sign-in links and sessions.
-- Team members who vote never have an account: they are not in these tables.

CREATE TABLE orgs (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,             -- IANA name, e.g. Europe/Berlin; weeks and "today" follow it
  anonymity_k INTEGER NOT NULL DEFAULT 5 CHECK (anonymity_k BETWEEN 3 AND 10),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_orgs_slug ON orgs (slug);

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,                 -- lower-cased
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_people_email ON people (email);

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  mission TEXT NOT NULL DEFAULT '',
  declared_size INTEGER NOT NULL CHECK (declared_size BETWEEN 1 AND 500),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_teams_org_id_name ON teams (org_id, name);

-- One membership per person per org. A lead belongs to one team; an admin to none.
CREATE TABLE memberships (
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'lead')),
  team_id TEXT REFERENCES teams (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, person_id),
  CHECK (role = 'lead' OR team_id IS NULL)
);
CREATE INDEX idx_memberships_person_id ON memberships (person_id);
CREATE INDEX idx_memberships_team_id ON memberships (team_id);

-- Invitations an admin sent; accepted_at is set when the lead follows the link.
CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  invited_by TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  accepted_at TEXT
);
CREATE INDEX idx_invites_org_id ON invites (org_id);

-- Emailed links: single use, 15 minutes, stored only as a SHA-256 of the token.
CREATE TABLE sign_in_links (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('sign_in', 'create_org', 'invite')),
  email TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',  -- create_org: the org to create; invite: the invite id
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX idx_sign_in_links_expires_at ON sign_in_links (expires_at);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,            -- SHA-256 of the cookie value
  person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX idx_sessions_person_id ON sessions (person_id);

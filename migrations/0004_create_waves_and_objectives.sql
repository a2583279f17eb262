-- Waves of 2–6 weeks, objectives at org and team level, key results and their check-ins,
-- and the reflection each team writes at the end of a wave.

CREATE TABLE waves (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,             -- YYYY-MM-DD, first day
  ends_on TEXT NOT NULL,               -- YYYY-MM-DD, last day (inclusive)
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'active', 'completed')),
  created_at TEXT NOT NULL,
  activated_at TEXT,
  completed_at TEXT,
  CHECK (ends_on > starts_on)
);
CREATE INDEX idx_waves_org_id_starts_on ON waves (org_id, starts_on);
-- At most one active wave per org.
CREATE UNIQUE INDEX idx_waves_org_id_active ON waves (org_id) WHERE state = 'active';

-- Org objectives (level 'org', typed roofshot or moonshot) and team objectives (level 'team'),
-- which align to exactly one org objective of the same wave with a written rationale.
CREATE TABLE objectives (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  wave_id TEXT NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  level TEXT NOT NULL CHECK (level IN ('org', 'team')),
  team_id TEXT REFERENCES teams (id) ON DELETE CASCADE,
  parent_id TEXT REFERENCES objectives (id) ON DELETE CASCADE,
  kind TEXT CHECK (kind IN ('roofshot', 'moonshot')),
  title TEXT NOT NULL,
  rationale TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  carried_from_id TEXT REFERENCES objectives (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  CHECK (
    (level = 'org' AND team_id IS NULL AND parent_id IS NULL AND kind IS NOT NULL)
    OR (level = 'team' AND team_id IS NOT NULL AND parent_id IS NOT NULL AND length(trim(rationale)) > 0)
  )
);
CREATE INDEX idx_objectives_wave_id ON objectives (wave_id);
CREATE INDEX idx_objectives_team_id ON objectives (team_id);
CREATE INDEX idx_objectives_parent_id ON objectives (parent_id);

CREATE TABLE key_results (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  objective_id TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  baseline REAL NOT NULL,
  target REAL NOT NULL,
  current REAL NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (target <> baseline)
);
CREATE INDEX idx_key_results_objective_id ON key_results (objective_id);

CREATE TABLE kr_checkins (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  key_result_id TEXT NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
  value REAL NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_kr_checkins_key_result_id_created_at ON kr_checkins (key_result_id, created_at);

CREATE TABLE reflections (
  wave_id TEXT NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  worked TEXT NOT NULL,
  change TEXT NOT NULL,
  person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (wave_id, team_id)
);

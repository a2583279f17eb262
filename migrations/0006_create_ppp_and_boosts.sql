-- Weekly PPP (Progress, Plans, Problems) per team, and boost requests between teams.

-- The weekday (1 = Monday … 7 = Sunday, org time zone) by which leads post their PPP; leads
-- who have not posted by then get one reminder.
ALTER TABLE orgs ADD COLUMN ppp_due_weekday INTEGER NOT NULL DEFAULT 5 CHECK (ppp_due_weekday BETWEEN 1 AND 7);

-- One PPP per team per week. A draft is the lead's own; submitting publishes it to the org.
CREATE TABLE ppps (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  week_start TEXT NOT NULL,            -- YYYY-MM-DD, the Monday of the week in the org's time zone
  notes TEXT NOT NULL DEFAULT '',      -- questions and risks, free text
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
  person_id TEXT REFERENCES people (id) ON DELETE SET NULL, -- who saved it last
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,                   -- first publication
  edited_at TEXT,                      -- last change after publication
  CHECK (state = 'draft' OR submitted_at IS NOT NULL)
);
CREATE UNIQUE INDEX idx_ppps_team_id_week_start ON ppps (team_id, week_start);
CREATE INDEX idx_ppps_org_id_week_start ON ppps (org_id, week_start);

-- Up to five items of each kind. A plan or problem that comes back week after week keeps its
-- thread_id and since_week, which is how plans show as postponed and problems age.
CREATE TABLE ppp_items (
  ppp_id TEXT NOT NULL REFERENCES ppps (id) ON DELETE CASCADE,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('progress', 'plan', 'problem')),
  position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 4),
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  objective_id TEXT REFERENCES objectives (id) ON DELETE SET NULL,
  thread_id TEXT NOT NULL,
  since_week TEXT NOT NULL,            -- the week the plan or problem first appeared
  PRIMARY KEY (ppp_id, kind, position)
);
CREATE UNIQUE INDEX idx_ppp_items_ppp_id_thread_id ON ppp_items (ppp_id, thread_id);
CREATE INDEX idx_ppp_items_thread_id ON ppp_items (thread_id);

-- This week's verdict on each of the previous PPP's plans: done, or carried over (the carried
-- plan is also one of this week's plan items, with the same thread_id).
CREATE TABLE ppp_plan_reviews (
  ppp_id TEXT NOT NULL REFERENCES ppps (id) ON DELETE CASCADE,
  thread_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'carried')),
  PRIMARY KEY (ppp_id, thread_id)
);

-- A team asks another team (to_team_id) or any team (to_team_id NULL) for help. The helper is
-- the receiving team, or for "any team" the first team whose lead accepts.
CREATE TABLE boosts (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  wave_id TEXT REFERENCES waves (id) ON DELETE SET NULL, -- the wave running on the day it was asked
  from_team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  to_team_id TEXT REFERENCES teams (id) ON DELETE CASCADE,
  helper_team_id TEXT REFERENCES teams (id) ON DELETE SET NULL,
  need TEXT NOT NULL,
  needed_by TEXT NOT NULL,             -- YYYY-MM-DD
  objective_id TEXT REFERENCES objectives (id) ON DELETE SET NULL,
  problem_thread_id TEXT,              -- the PPP problem it unblocks (ppp_items.thread_id)
  problem_text TEXT,                   -- that problem as it read when the boost was asked
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'declined', 'resolved')),
  requested_by TEXT REFERENCES people (id) ON DELETE SET NULL,
  submission_id TEXT,                  -- client-chosen; a retried create returns the first boost
  created_at TEXT NOT NULL,
  accepted_at TEXT,
  declined_at TEXT,
  resolved_at TEXT,
  CHECK (to_team_id IS NULL OR to_team_id <> from_team_id),
  CHECK (state <> 'accepted' OR (helper_team_id IS NOT NULL AND accepted_at IS NOT NULL))
);
CREATE INDEX idx_boosts_org_id_state ON boosts (org_id, state);
CREATE INDEX idx_boosts_from_team_id ON boosts (from_team_id);
CREATE INDEX idx_boosts_to_team_id ON boosts (to_team_id);
CREATE INDEX idx_boosts_helper_team_id ON boosts (helper_team_id);
CREATE INDEX idx_boosts_wave_id ON boosts (wave_id);
CREATE INDEX idx_boosts_problem_thread_id ON boosts (problem_thread_id);
CREATE UNIQUE INDEX idx_boosts_submission_id ON boosts (submission_id);

-- The short thread on a boost: questions, replies, and declines with their reason.
CREATE TABLE boost_messages (
  id TEXT PRIMARY KEY,
  boost_id TEXT NOT NULL REFERENCES boosts (id) ON DELETE CASCADE,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  team_id TEXT REFERENCES teams (id) ON DELETE SET NULL, -- the author's team
  person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'decline')),
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at TEXT NOT NULL
);
CREATE INDEX idx_boost_messages_boost_id_created_at ON boost_messages (boost_id, created_at);

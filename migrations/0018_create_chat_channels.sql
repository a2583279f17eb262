-- Chat channels: a Slack incoming webhook or a Teams Workflows webhook per team, connected by
-- the team's lead or an admin. The URL is a secret that posts into one channel: it is stored
-- as is (Mistvine must post to it) and shown again only as its host. last_post_key names the
-- last message claimed for posting (e.g. the week's pulse reminder), so a job that runs twice
-- posts once; last_error is the last failed post's reason, shown on the settings page.
CREATE TABLE chat_channels (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('slack', 'teams')),
  url TEXT NOT NULL,
  created_by TEXT REFERENCES people (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  last_post_key TEXT,
  last_posted_at TEXT,
  last_error TEXT,
  last_error_at TEXT
);
CREATE UNIQUE INDEX idx_chat_channels_team_id ON chat_channels (team_id);
CREATE INDEX idx_chat_channels_org_id ON chat_channels (org_id);

-- Chat channels for the whole org, and one claim per message and channel.
--
-- An org channel is a chat_channels row without a team (team_id NULL): admins connect one per
-- org, and the weekly report's summary is posted there. The table is rebuilt because SQLite
-- cannot drop NOT NULL from team_id; its rows are kept as they are.
--
-- chat_posts replaces last_post_key: a channel now gets several kinds of message (the week's
-- pulse reminder, each boost asked of the team, the weekly summary), so one "last key" would
-- let a second run repost a reminder once a boost had been posted after it. A claim is one row
-- per channel and message key, written before the post; outcome says how it went, so a run
-- that finds a failed claim sends the email instead and one that finds a posted one does nothing.
CREATE TABLE chat_channels_next (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  -- NULL: the org's own channel.
  team_id TEXT REFERENCES teams (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('slack', 'teams')),
  url TEXT NOT NULL,
  created_by TEXT REFERENCES people (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  last_posted_at TEXT,
  last_error TEXT,
  last_error_at TEXT
);

INSERT INTO chat_channels_next (id, org_id, team_id, kind, url, created_by, created_at, last_posted_at, last_error, last_error_at)
SELECT id, org_id, team_id, kind, url, created_by, created_at, last_posted_at, last_error, last_error_at FROM chat_channels;

CREATE TABLE chat_posts (
  channel_id TEXT NOT NULL REFERENCES chat_channels_next (id) ON DELETE CASCADE,
  post_key TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('claimed', 'posted', 'failed')),
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (channel_id, post_key)
);

-- The claim each channel held, with how it went as far as the row tells.
INSERT INTO chat_posts (channel_id, post_key, outcome, claimed_at)
SELECT id, last_post_key, CASE WHEN last_error IS NULL THEN 'posted' ELSE 'failed' END, COALESCE(last_error_at, last_posted_at, created_at)
FROM chat_channels WHERE last_post_key IS NOT NULL;

DROP TABLE chat_channels;
ALTER TABLE chat_channels_next RENAME TO chat_channels;

CREATE UNIQUE INDEX idx_chat_channels_team_id ON chat_channels (team_id) WHERE team_id IS NOT NULL;
CREATE UNIQUE INDEX idx_chat_channels_org_id_org ON chat_channels (org_id) WHERE team_id IS NULL;
CREATE INDEX idx_chat_channels_org_id ON chat_channels (org_id);
CREATE INDEX idx_chat_posts_claimed_at ON chat_posts (claimed_at);

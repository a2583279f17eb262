-- Emailed reports and reminders: when each org wants them, who gets the pulse reminder, and
-- one-click unsubscribes.

-- The weekly reports go out on this ISO weekday (1 = Monday) at or after this hour, in the
-- org's time zone; the pulse reminder goes out on the voting day at the same hour.
ALTER TABLE orgs ADD COLUMN report_weekday INTEGER NOT NULL DEFAULT 1 CHECK (report_weekday BETWEEN 1 AND 7);
ALTER TABLE orgs ADD COLUMN report_hour INTEGER NOT NULL DEFAULT 9 CHECK (report_hour BETWEEN 0 AND 23);
ALTER TABLE orgs ADD COLUMN pulse_weekday INTEGER NOT NULL DEFAULT 4 CHECK (pulse_weekday BETWEEN 1 AND 7);

-- Addresses a team keeps so the pulse link reaches everyone on voting day. Seen only by the
-- team's lead and the org's admins. Who voted is never known, so every address gets it.
CREATE TABLE team_member_addresses (
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (team_id, email)
) WITHOUT ROWID;
CREATE INDEX idx_team_member_addresses_org_id ON team_member_addresses (org_id);

-- One row per recipient, org and kind of email: the token in its unsubscribe link, and
-- whether the recipient left.
CREATE TABLE email_subscriptions (
  token TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('org_report', 'team_report', 'pulse_reminder', 'ppp_reminder', 'campaign_report')),
  created_at TEXT NOT NULL,
  unsubscribed_at TEXT
);
CREATE UNIQUE INDEX idx_email_subscriptions_email_org_id_kind ON email_subscriptions (email, org_id, kind);

-- The subscription a queued message belongs to, so an unsubscribe can withdraw it before it goes.
ALTER TABLE outbox ADD COLUMN subscription_token TEXT;
CREATE INDEX idx_outbox_subscription_token ON outbox (subscription_token);

-- Every email the app sends goes through this table first. The idempotency key makes a
-- repeated enqueue (a job run twice, a double click) a no-op; the flush job claims a row
-- before sending so two overlapping runs never send it twice.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL,
  kind TEXT NOT NULL,                  -- e.g. scorecard_report, sign_in
  to_address TEXT NOT NULL,
  -- 1: the recipient typed the address for this one email; it is masked once sent.
  ephemeral_recipient INTEGER NOT NULL DEFAULT 0 CHECK (ephemeral_recipient IN (0, 1)),
  subject TEXT NOT NULL,
  html TEXT NOT NULL,
  text TEXT NOT NULL,
  headers TEXT NOT NULL DEFAULT '{}',  -- JSON object of extra headers (List-Unsubscribe, ...)
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,       -- ISO instant; due when <= now
  lease_until TEXT,                    -- ISO instant; a 'sending' row whose lease passed is retried
  last_error TEXT,
  transport TEXT,                      -- 'cloudflare' or 'local'
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE UNIQUE INDEX idx_outbox_idempotency_key ON outbox (idempotency_key);
CREATE INDEX idx_outbox_status_next_attempt_at ON outbox (status, next_attempt_at);

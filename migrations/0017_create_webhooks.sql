-- Signed webhooks (Standard Webhooks): endpoints an admin registers, and one delivery row per
-- event and endpoint, queued, claimed and retried with backoff like the email outbox.
-- The signing secret must be stored as is (the Worker signs with it); it is shown to the admin
-- once, never listed again, and never logged.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  events TEXT NOT NULL,                -- JSON array of event types
  secret TEXT NOT NULL,                -- "whsec_" + base64 of 32 random bytes
  created_by TEXT REFERENCES people (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT                      -- deleted endpoints get no new deliveries
);
CREATE INDEX idx_webhook_endpoints_org_id ON webhook_endpoints (org_id);

CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,            -- the webhook-id header: the same on every attempt and resend
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,               -- the JSON body, exactly as signed
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  last_status INTEGER,                 -- the endpoint's last HTTP status; NULL when it did not answer
  last_error TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT
);
-- One delivery per event and endpoint: an event emitted twice queues nothing new.
CREATE UNIQUE INDEX idx_webhook_deliveries_endpoint_id_message_id ON webhook_deliveries (endpoint_id, message_id);
CREATE INDEX idx_webhook_deliveries_status_next_attempt_at ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX idx_webhook_deliveries_endpoint_id_id ON webhook_deliveries (endpoint_id, id);

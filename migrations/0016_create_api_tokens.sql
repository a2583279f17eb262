-- Org-scoped API tokens for scripts: `Authorization: Bearer mvt_…` on /api/orgs/{org}/…
-- Only the SHA-256 of a token is stored; the token itself is shown once, when it is created.
-- A token acts as the admin who created it, with that admin's role checks, and stops working
-- when that admin leaves the org or is no longer an admin (see functions/services/api-tokens.ts).
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,                 -- public id (names the token in lists and URLs)
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  created_by TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  token_hash TEXT NOT NULL,            -- lowercase hex SHA-256 of the whole token
  token_hint TEXT NOT NULL,            -- the token's last 4 characters, to tell tokens apart
  created_at TEXT NOT NULL,
  expires_at TEXT,                     -- ISO instant; NULL never expires
  last_used_at TEXT,                   -- ISO instant, to the minute
  revoked_at TEXT
);
CREATE UNIQUE INDEX idx_api_tokens_token_hash ON api_tokens (token_hash);
CREATE INDEX idx_api_tokens_org_id ON api_tokens (org_id);

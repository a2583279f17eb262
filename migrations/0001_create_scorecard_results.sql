-- Public Scorecard results. No person, address or client detail is stored: a result is its
-- answers and the scores derived from them, reachable only by its unguessable id.
CREATE TABLE scorecard_results (
  id TEXT PRIMARY KEY,                 -- 128-bit random, base64url
  submission_id TEXT NOT NULL,         -- client idempotency key: a repeat returns the first result
  answers TEXT NOT NULL,               -- JSON object statement id -> 1..5
  clarity REAL NOT NULL CHECK (clarity BETWEEN 0 AND 100),
  context REAL NOT NULL CHECK (context BETWEEN 0 AND 100),
  autonomy REAL NOT NULL CHECK (autonomy BETWEEN 0 AND 100),
  velocity REAL NOT NULL CHECK (velocity BETWEEN 0 AND 100),
  overall REAL NOT NULL CHECK (overall BETWEEN 0 AND 100),
  band TEXT NOT NULL CHECK (band IN ('directive', 'consultative', 'collaborative', 'empowered', 'autonomous')),
  created_on TEXT NOT NULL             -- UTC date YYYY-MM-DD
);
CREATE UNIQUE INDEX idx_scorecard_results_submission_id ON scorecard_results (submission_id);

-- What each pulse heat-map cell last published. A cell's figures change only once at least k
-- more answers have arrived since, so nobody can read one person's vote from the change
-- they see right after that person voted.
CREATE TABLE pulse_releases (
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  wave_id TEXT NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
  cell TEXT NOT NULL,                  -- 'org|<week>', 'team|<team id>|<week>' or 'objective|<objective id>|<week>'
  n INTEGER NOT NULL,
  sum INTEGER NOT NULL,
  answers INTEGER NOT NULL,
  PRIMARY KEY (wave_id, cell)
) WITHOUT ROWID;
CREATE INDEX idx_pulse_releases_org_id ON pulse_releases (org_id);

/**
 * SQL behind the pulse heat maps: counts and sums per cell, comments, and what each cell last
 * published. Suppression and the release in steps of k happen in the sentiment service.
 */


/** Votes and their sum per team and week of a wave. */
export function teamWeekVotesStatement(db: D1Database, orgId: string, waveId: string): D1PreparedStatement {
  return db
    .prepare("SELECT team_id, week, COUNT(*) AS votes, SUM(score) AS total FROM pulse_votes WHERE org_id = ?1 AND wave_id = ?2 GROUP BY team_id, week")
    .bind(orgId, waveId);
}

/** People who voted per team and week of a wave. */
export function respondentsStatement(db: D1Database, orgId: string, waveId: string): D1PreparedStatement {
  return db.prepare("SELECT team_id, week, respondents FROM pulse_respondents WHERE org_id = ?1 AND wave_id = ?2").bind(orgId, waveId);
}

/** Votes and their sum per objective and week of a wave (one vote per voter per objective and week). */
export function objectiveWeekVotesStatement(db: D1Database, orgId: string, waveId: string): D1PreparedStatement {
  return db
    .prepare("SELECT team_id, objective_id, week, COUNT(*) AS votes, SUM(score) AS total FROM pulse_votes WHERE org_id = ?1 AND wave_id = ?2 GROUP BY objective_id, week")
    .bind(orgId, waveId);
}

/** The comments of one team's votes in a wave: objective, week and text, nothing else. */
export function commentsStatement(db: D1Database, orgId: string, waveId: string, teamId: string): D1PreparedStatement {
  return db
    .prepare("SELECT objective_id, week, comment FROM pulse_votes WHERE org_id = ?1 AND wave_id = ?2 AND team_id = ?3 AND comment IS NOT NULL")
    .bind(orgId, waveId, teamId);
}

export interface TeamWeekVotesRow {
  team_id: string;
  week: string;
  votes: number;
  total: number;
}
export interface RespondentsRow {
  team_id: string;
  week: string;
  respondents: number;
}
export interface ObjectiveWeekVotesRow {
  team_id: string;
  objective_id: string;
  week: string;
  votes: number;
  total: number;
}
export interface CommentRow {
  objective_id: string;
  week: string;
  comment: string;
}

/** The same three aggregates for the org's active wave (a subquery), for the board's one batch. */
export function activeWaveSentimentStatements(db: D1Database, orgId: string): D1PreparedStatement[] {
  const active = "(SELECT id FROM waves WHERE org_id = ?1 AND state = 'active')";
  return [
    db.prepare(`SELECT team_id, week, COUNT(*) AS votes, SUM(score) AS total FROM pulse_votes WHERE org_id = ?1 AND wave_id = ${active} GROUP BY team_id, week`).bind(orgId),
    db.prepare(`SELECT team_id, week, respondents FROM pulse_respondents WHERE org_id = ?1 AND wave_id = ${active}`).bind(orgId),
    db.prepare(`SELECT team_id, objective_id, week, COUNT(*) AS votes, SUM(score) AS total FROM pulse_votes WHERE org_id = ?1 AND wave_id = ${active} GROUP BY objective_id, week`).bind(orgId),
  ];
}

// --- Releases (see src/domain/pulse/release.ts) -------------------------------------------

export interface ReleaseRow {
  cell: string;
  n: number;
  sum: number;
  answers: number;
}

export function releasesStatement(db: D1Database, orgId: string, waveId: string): D1PreparedStatement {
  return db.prepare("SELECT cell, n, sum, answers FROM pulse_releases WHERE org_id = ?1 AND wave_id = ?2").bind(orgId, waveId);
}

export function activeWaveReleasesStatement(db: D1Database, orgId: string): D1PreparedStatement {
  return db
    .prepare("SELECT cell, n, sum, answers FROM pulse_releases WHERE org_id = ?1 AND wave_id = (SELECT id FROM waves WHERE org_id = ?1 AND state = 'active')")
    .bind(orgId);
}

/** Stores newly published figures; two readers publishing at once store the same or newer figures. */
export function saveReleaseStatements(db: D1Database, orgId: string, waveId: string, releases: readonly ReleaseRow[]): D1PreparedStatement[] {
  return releases.map((r) =>
    db
      .prepare(
        `INSERT INTO pulse_releases (org_id, wave_id, cell, n, sum, answers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (wave_id, cell) DO UPDATE SET n = excluded.n, sum = excluded.sum, answers = excluded.answers WHERE excluded.n > pulse_releases.n OR excluded.n < pulse_releases.n`,
      )
      .bind(orgId, waveId, r.cell, r.n, r.sum, r.answers),
  );
}

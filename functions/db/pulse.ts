/**
 * SQL of the anonymous pulse. Writes go in one batch per submission; reads count and sum in
 * SQL and leave suppression to the sentiment service.
 */

export interface PulseLinkRow {
  token: string;
  org_id: string;
  team_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface PulseContextRow {
  token: string;
  revoked_at: string | null;
  org_id: string;
  org_name: string;
  time_zone: string;
  anonymity_k: number;
  team_id: string;
  team_name: string;
  declared_size: number;
}

/** The link with its team and org, in one query. */
export function pulseContextStatement(db: D1Database, token: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT l.token, l.revoked_at, o.id AS org_id, o.name AS org_name, o.time_zone, o.anonymity_k,
              t.id AS team_id, t.name AS team_name, t.declared_size
       FROM pulse_links l JOIN teams t ON t.id = l.team_id JOIN orgs o ON o.id = l.org_id
       WHERE l.token = ?1`,
    )
    .bind(token);
}

/** The team's objectives in the org's active wave, each with its key results as one line of text. */
export function pulseObjectivesStatement(db: D1Database, token: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT w.id AS wave_id, w.name AS wave_name, w.starts_on, w.ends_on, ob.id, ob.title,
              (SELECT group_concat(k.title, ' · ') FROM key_results k WHERE k.objective_id = ob.id) AS key_results
       FROM pulse_links l JOIN waves w ON w.org_id = l.org_id AND w.state = 'active'
       JOIN objectives ob ON ob.wave_id = w.id AND ob.team_id = l.team_id AND ob.level = 'team'
       WHERE l.token = ?1 ORDER BY ob.created_at, ob.position`,
    )
    .bind(token);
}

export interface PulseObjectiveRow {
  wave_id: string;
  wave_name: string;
  starts_on: string;
  ends_on: string;
  id: string;
  title: string;
  key_results: string | null;
}

/** How many credentials the link's team has for the active wave, and which of `hashes` belong to the team. */
export function credentialStateStatements(db: D1Database, token: string, hashes: readonly string[]): D1PreparedStatement[] {
  const list = hashes.length ? hashes : [""];
  const placeholders = list.map((_, i) => `?${i + 2}`).join(", ");
  return [
    db
      .prepare(
        `SELECT COUNT(*) AS issued FROM pulse_credentials c JOIN waves w ON w.id = c.wave_id AND w.state = 'active'
         WHERE c.team_id = (SELECT team_id FROM pulse_links WHERE token = ?1)`,
      )
      .bind(token),
    db
      .prepare(`SELECT credential_hash, wave_id FROM pulse_credentials WHERE team_id = (SELECT team_id FROM pulse_links WHERE token = ?1) AND credential_hash IN (${placeholders})`)
      .bind(token, ...list),
  ];
}

export interface CredentialRow {
  credential_hash: string;
  wave_id: string;
}

/** What these credentials voted on in recent weeks (from `sinceWeek`), with the submission that did it. */
export function recentGuardsStatement(db: D1Database, hashes: readonly string[], sinceWeek: string): D1PreparedStatement {
  const list = hashes.length ? hashes : [""];
  const placeholders = list.map((_, i) => `?${i + 2}`).join(", ");
  return db
    .prepare(`SELECT credential_hash, objective_id, submission_id, week FROM pulse_guards WHERE week >= ?1 AND credential_hash IN (${placeholders})`)
    .bind(sinceWeek, ...list);
}

export interface GuardRow {
  credential_hash: string;
  objective_id: string;
  submission_id: string;
  week: string;
}

export interface VoteWrite {
  credentialHash: string;
  issueCredential: boolean;
  declaredSize: number;
  orgId: string;
  teamId: string;
  waveId: string;
  week: string;
  submissionId: string;
  votes: { id: string; objectiveId: string; score: number; comment: string | null }[];
}

/**
 * The statements of one submission, to run as one batch (one transaction, one round trip):
 * 1. hand out the credential if the team is under its declared size (else nothing below runs);
 * 2. count the voter for the team's week if this credential has not voted this week yet;
 * 3. the guard rows: a second vote by the same credential hits the primary key and the whole
 *    batch rolls back, storing nothing;
 * 4. the votes, each only if its guard row was written by this submission.
 */
export function voteStatements(db: D1Database, w: VoteWrite): D1PreparedStatement[] {
  const hasCredential = "EXISTS (SELECT 1 FROM pulse_credentials WHERE credential_hash = ?1 AND team_id = ?2 AND wave_id = ?3)";
  const statements: D1PreparedStatement[] = [];
  if (w.issueCredential) {
    statements.push(
      db
        .prepare(
          `INSERT INTO pulse_credentials (credential_hash, team_id, wave_id)
           SELECT ?1, ?2, ?3 WHERE (SELECT COUNT(*) FROM pulse_credentials WHERE team_id = ?2 AND wave_id = ?3) < ?4`,
        )
        .bind(w.credentialHash, w.teamId, w.waveId, w.declaredSize),
    );
  }
  statements.push(
    db
      .prepare(
        `INSERT INTO pulse_respondents (org_id, wave_id, team_id, week, respondents)
         SELECT ?5, ?3, ?2, ?4, 1 WHERE ${hasCredential}
           AND NOT EXISTS (SELECT 1 FROM pulse_guards WHERE credential_hash = ?1 AND week = ?4)
         ON CONFLICT (team_id, wave_id, week) DO UPDATE SET respondents = respondents + 1`,
      )
      .bind(w.credentialHash, w.teamId, w.waveId, w.week, w.orgId),
  );
  for (const v of w.votes) {
    statements.push(
      db
        .prepare(
          `INSERT INTO pulse_guards (credential_hash, objective_id, week, team_id, submission_id)
           SELECT ?1, ?4, ?5, ?2, ?6 WHERE ${hasCredential}`,
        )
        .bind(w.credentialHash, w.teamId, w.waveId, v.objectiveId, w.week, w.submissionId),
    );
  }
  for (const v of w.votes) {
    statements.push(
      db
        .prepare(
          `INSERT INTO pulse_votes (id, org_id, team_id, wave_id, objective_id, week, score, comment)
           SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
           WHERE EXISTS (SELECT 1 FROM pulse_guards WHERE credential_hash = ?9 AND objective_id = ?5 AND week = ?6 AND submission_id = ?10)`,
        )
        .bind(v.id, w.orgId, w.teamId, w.waveId, v.objectiveId, w.week, v.score, v.comment, w.credentialHash, w.submissionId),
    );
  }
  return statements;
}

/** Guard rows of weeks before `beforeWeek`: once a week is over nobody can vote in it again. */
export async function deleteGuardsBefore(db: D1Database, beforeWeek: string): Promise<number> {
  const r = await db.prepare("DELETE FROM pulse_guards WHERE week < ?1").bind(beforeWeek).run();
  return r.meta.changes;
}

// --- Links -------------------------------------------------------------------------------

export async function findLiveLink(db: D1Database, orgId: string, teamId: string): Promise<PulseLinkRow | null> {
  return db
    .prepare("SELECT token, org_id, team_id, created_at, revoked_at FROM pulse_links WHERE org_id = ?1 AND team_id = ?2 AND revoked_at IS NULL")
    .bind(orgId, teamId)
    .first<PulseLinkRow>();
}

/** Revokes the team's live link (if any) and, unless `revokeOnly`, creates a new one: one batch. */
export async function replaceLink(db: D1Database, orgId: string, teamId: string, newToken: string | null, at: string): Promise<void> {
  const statements = [db.prepare("UPDATE pulse_links SET revoked_at = ?3 WHERE org_id = ?1 AND team_id = ?2 AND revoked_at IS NULL").bind(orgId, teamId, at)];
  if (newToken) statements.push(db.prepare("INSERT INTO pulse_links (token, org_id, team_id, created_at) VALUES (?1, ?2, ?3, ?4)").bind(newToken, orgId, teamId, at));
  await db.batch(statements);
}

export interface ReminderTeamRow {
  team_id: string;
  team_name: string;
  token: string;
  objectives: string | null;
}

/** Teams of the org with a live pulse link and their objective titles in the active wave. */
export function reminderTeamsStatement(db: D1Database, orgId: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT t.id AS team_id, t.name AS team_name, l.token,
              (SELECT group_concat(o.title, char(10)) FROM objectives o JOIN waves w ON w.id = o.wave_id AND w.state = 'active'
               WHERE o.team_id = t.id AND o.level = 'team') AS objectives
       FROM teams t JOIN pulse_links l ON l.team_id = t.id AND l.revoked_at IS NULL
       WHERE t.org_id = ?1 ORDER BY t.name`,
    )
    .bind(orgId);
}

import { typed, type Typed } from "./typed";
/**
 * SQL of the anonymous pulse. Writes go in one batch per submission; reads count and sum in
 * SQL and leave suppression to the sentiment service.
 */

export interface PulseContextRow {
  /** 'shared': the team's link; 'personal': one address's link for one week. */
  link_kind: "shared" | "personal";
  revoked_at: string | null;
  /** Personal links only: the wave and week the link is valid in. */
  link_wave_id: string | null;
  link_week: string | null;
  org_id: string;
  org_name: string;
  time_zone: string;
  anonymity_k: number;
  team_id: string;
  team_name: string;
  declared_size: number;
  pulse_mode: "shared" | "personal";
  addresses_changed_at: string | null;
  address_count: number;
  /** Comma-separated domains of the team's list, unordered. */
  address_domains: string | null;
}

/**
 * The team of a link token: a shared link by its token (?1) or a personal link by the hash
 * of its token (?2). They never collide: shared tokens have 22 characters, personal 43.
 */
const LINK_TEAM =
  "(SELECT team_id FROM pulse_links WHERE token = ?1 UNION ALL SELECT team_id FROM pulse_personal_links WHERE token_hash = ?2)";
const TEAM_COLUMNS = `o.id AS org_id, o.name AS org_name, o.time_zone, o.anonymity_k, t.id AS team_id, t.name AS team_name, t.declared_size,
              t.pulse_mode, t.addresses_changed_at,
              (SELECT COUNT(*) FROM team_member_addresses a WHERE a.team_id = t.id) AS address_count,
              (SELECT group_concat(DISTINCT substr(a.email, instr(a.email, '@') + 1)) FROM team_member_addresses a WHERE a.team_id = t.id) AS address_domains`;

/** The link with its team and org, in one query; `tokenHash` finds a personal link. */
export function pulseContextStatement(db: D1Database, token: string, tokenHash: string): Typed<PulseContextRow> {
  return typed<PulseContextRow>(
    db
      .prepare(
        `SELECT 'shared' AS link_kind, l.revoked_at, NULL AS link_wave_id, NULL AS link_week, ${TEAM_COLUMNS}
       FROM pulse_links l JOIN teams t ON t.id = l.team_id JOIN orgs o ON o.id = l.org_id
       WHERE l.token = ?1
       UNION ALL
       SELECT 'personal' AS link_kind, NULL AS revoked_at, p.wave_id AS link_wave_id, p.week AS link_week, ${TEAM_COLUMNS}
       FROM pulse_personal_links p JOIN teams t ON t.id = p.team_id JOIN orgs o ON o.id = p.org_id
       WHERE p.token_hash = ?2`,
      )
      .bind(token, tokenHash),
  );
}

/** The team's objectives in the org's active wave, each with its key results as one line of text. */
export function pulseObjectivesStatement(db: D1Database, token: string, tokenHash: string): Typed<PulseObjectiveRow> {
  return typed<PulseObjectiveRow>(
    db
      .prepare(
        `SELECT w.id AS wave_id, w.name AS wave_name, w.starts_on, w.ends_on, w.anonymity_k AS wave_k, ob.id, ob.title,
              (SELECT group_concat(k.title, ' · ') FROM key_results k WHERE k.objective_id = ob.id) AS key_results
       FROM teams t JOIN waves w ON w.org_id = t.org_id AND w.state = 'active'
       JOIN objectives ob ON ob.wave_id = w.id AND ob.team_id = t.id AND ob.level = 'team'
       WHERE t.id IN ${LINK_TEAM} ORDER BY ob.created_at, ob.position`,
      )
      .bind(token, tokenHash),
  );
}

export interface PulseObjectiveRow {
  wave_id: string;
  wave_name: string;
  starts_on: string;
  ends_on: string;
  /** The k the wave started with (null only for a wave started before k was stored). */
  wave_k: number | null;
  id: string;
  title: string;
  key_results: string | null;
}

/**
 * How many credentials the link's team has for the active wave, and which of `hashes` exist
 * for any team (one the browser holds that nobody registered yet is still unused).
 */
export function credentialStateStatements(
  db: D1Database,
  token: string,
  tokenHash: string,
  hashes: readonly string[],
): [Typed<{ issued: number }>, Typed<CredentialRow>] {
  const list = hashes.length ? hashes : [""];
  const placeholders = list.map((_, i) => `?${i + 1}`).join(", ");
  return [
    typed<{ issued: number }>(
      db
        .prepare(
          `SELECT COUNT(*) AS issued FROM pulse_credentials c JOIN waves w ON w.id = c.wave_id AND w.state = 'active'
           WHERE c.team_id IN ${LINK_TEAM}`,
        )
        .bind(token, tokenHash),
    ),
    typed<CredentialRow>(
      db
        .prepare(`SELECT credential_hash, team_id, wave_id FROM pulse_credentials WHERE credential_hash IN (${placeholders})`)
        .bind(...list),
    ),
  ];
}

export interface CredentialRow {
  credential_hash: string;
  team_id: string;
  wave_id: string;
}

/** What these credentials voted on in recent weeks (from `sinceWeek`), with the submission that did it. */
export function recentGuardsStatement(db: D1Database, hashes: readonly string[], sinceWeek: string): Typed<GuardRow> {
  const list = hashes.length ? hashes : [""];
  const placeholders = list.map((_, i) => `?${i + 2}`).join(", ");
  return typed<GuardRow>(
    db
      .prepare(
        `SELECT credential_hash, objective_id, submission_id, week FROM pulse_guards WHERE week >= ?1 AND credential_hash IN (${placeholders})`,
      )
      .bind(sinceWeek, ...list),
  );
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
  /** The most credentials the team may have this wave; null: no cap (personal links). */
  cap: number | null;
  orgId: string;
  teamId: string;
  waveId: string;
  week: string;
  submissionId: string;
  votes: { id: string; objectiveId: string; score: number; comment: string | null }[];
}

/**
 * The statements of one submission, to run as one batch (one transaction, one round trip):
 * 1. hand out the credential if the team is under its cap (the declared size for the shared
 *    link, none for a personal link, which derives its one credential from its token); a
 *    credential that exists already (a parallel repeat of the same first vote) is kept;
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
           SELECT ?1, ?2, ?3 WHERE ?4 IS NULL OR (SELECT COUNT(*) FROM pulse_credentials WHERE team_id = ?2 AND wave_id = ?3) < ?4
           ON CONFLICT (credential_hash) DO NOTHING`,
        )
        .bind(w.credentialHash, w.teamId, w.waveId, w.cap),
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

/**
 * Guard rows and personal links of weeks before `beforeWeek`: once a week is over nobody can
 * vote in it again. Returns how many guard rows went.
 */
export async function deleteGuardsBefore(db: D1Database, beforeWeek: string): Promise<number> {
  const [guards] = await db.batch([
    db.prepare("DELETE FROM pulse_guards WHERE week < ?1").bind(beforeWeek),
    db.prepare("DELETE FROM pulse_personal_links WHERE week < ?1").bind(beforeWeek),
  ]);
  return guards.meta.changes;
}

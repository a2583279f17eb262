import { typed, type Typed } from "./typed";
/** SQL of the pulse links: the team's shared link, and personal links with the reminders that carry them. */

export interface PulseLinkRow {
  token: string;
  org_id: string;
  team_id: string;
  created_at: string;
  revoked_at: string | null;
}

export async function findLiveLink(db: D1Database, orgId: string, teamId: string): Promise<PulseLinkRow | null> {
  return liveLinkStatement(db, orgId, teamId).first<PulseLinkRow>();
}

export function liveLinkStatement(db: D1Database, orgId: string, teamId: string): Typed<PulseLinkRow> {
  return typed<PulseLinkRow>(
    db
      .prepare(
        "SELECT token, org_id, team_id, created_at, revoked_at FROM pulse_links WHERE org_id = ?1 AND team_id = ?2 AND revoked_at IS NULL",
      )
      .bind(orgId, teamId),
  );
}

/** Revokes the team's live link (if any) and, unless `revokeOnly`, creates a new one: one batch. */
export async function replaceLink(db: D1Database, orgId: string, teamId: string, newToken: string | null, at: string): Promise<void> {
  const statements = [
    db.prepare("UPDATE pulse_links SET revoked_at = ?3 WHERE org_id = ?1 AND team_id = ?2 AND revoked_at IS NULL").bind(orgId, teamId, at),
  ];
  if (newToken)
    statements.push(
      db.prepare("INSERT INTO pulse_links (token, org_id, team_id, created_at) VALUES (?1, ?2, ?3, ?4)").bind(newToken, orgId, teamId, at),
    );
  await db.batch(statements);
}

export interface ReminderTeamRow {
  team_id: string;
  team_name: string;
  pulse_mode: "shared" | "personal";
  /** The live shared link; null for a team on personal links without one. */
  token: string | null;
  wave_id: string | null;
  objectives: string | null;
}

/**
 * Teams of the org that take votes this week: on the shared link, those with a live link; on
 * personal links, all of them. With their objective titles in the active wave.
 */
export function reminderTeamsStatement(db: D1Database, orgId: string): Typed<ReminderTeamRow> {
  return typed<ReminderTeamRow>(
    db
      .prepare(
        `SELECT t.id AS team_id, t.name AS team_name, t.pulse_mode, l.token,
              (SELECT w.id FROM waves w WHERE w.org_id = t.org_id AND w.state = 'active') AS wave_id,
              (SELECT group_concat(o.title, char(10)) FROM objectives o JOIN waves w ON w.id = o.wave_id AND w.state = 'active'
               WHERE o.team_id = t.id AND o.level = 'team') AS objectives
       FROM teams t LEFT JOIN pulse_links l ON l.team_id = t.id AND l.revoked_at IS NULL
       WHERE t.org_id = ?1 AND (t.pulse_mode = 'personal' OR l.token IS NOT NULL) ORDER BY t.name`,
      )
      .bind(orgId),
  );
}

export interface PersonalLinkWrite {
  token: string;
  tokenHash: string;
  orgId: string;
  teamId: string;
  waveId: string;
  week: string;
  /** The reminder that carries the link. */
  idempotencyKey: string;
}

/**
 * Registers one personal link, only if the queued reminder under `idempotencyKey` is the one
 * carrying this token: a job that runs twice queues nothing new, and then the second run's
 * tokens, which no email carries, are never registered. The row keeps no address.
 */
export function personalLinkStatement(db: D1Database, p: PersonalLinkWrite): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO pulse_personal_links (token_hash, org_id, team_id, wave_id, week)
       SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM outbox WHERE idempotency_key = ?6 AND instr(text, ?7) > 0)
       ON CONFLICT (token_hash) DO NOTHING`,
    )
    .bind(p.tokenHash, p.orgId, p.teamId, p.waveId, p.week, p.idempotencyKey, p.token);
}

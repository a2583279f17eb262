import { typed, type Typed } from "./typed";
export type ObjectiveLevel = "org" | "team";
export type ObjectiveKind = "roofshot" | "moonshot";

export interface ObjectiveRow {
  id: string;
  org_id: string;
  wave_id: string;
  level: ObjectiveLevel;
  team_id: string | null;
  parent_id: string | null;
  kind: ObjectiveKind | null;
  title: string;
  rationale: string;
  position: number;
  carried_from_id: string | null;
  created_at: string;
}

export interface KeyResultRow {
  id: string;
  org_id: string;
  objective_id: string;
  title: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  position: number;
  created_at: string;
  updated_at: string;
  /** The lead's latest confidence, 1–5, from the latest check-in that gave one (read only). */
  confidence?: number | null;
}

export interface CheckInRow {
  id: string;
  key_result_id: string;
  value: number;
  note: string;
  /** The lead's confidence with this check-in, 1–5; null when none was given. */
  confidence: number | null;
  person_name: string | null;
  created_at: string;
}

export const OBJECTIVE_COLUMNS =
  "id, org_id, wave_id, level, team_id, parent_id, kind, title, rationale, position, carried_from_id, created_at";
const KR_COLUMNS = "id, org_id, objective_id, title, unit, baseline, target, current, position, created_at, updated_at";
/** What reads return: the written columns and the latest confidence. */
export const KR_READ_COLUMNS = `${KR_COLUMNS}, confidence`;

export function insertObjectiveStatement(db: D1Database, o: ObjectiveRow): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO objectives (${OBJECTIVE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`)
    .bind(
      o.id,
      o.org_id,
      o.wave_id,
      o.level,
      o.team_id,
      o.parent_id,
      o.kind,
      o.title,
      o.rationale,
      o.position,
      o.carried_from_id,
      o.created_at,
    );
}

/**
 * Inserts an org moonshot only while the wave has fewer than `limit` of them: the check and
 * the insert are one statement, so two admins adding a moonshot at once cannot both pass.
 */
export function insertMoonshotStatement(db: D1Database, o: ObjectiveRow, limit: number): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO objectives (${OBJECTIVE_COLUMNS})
       SELECT ?1, ?2, ?3, 'org', NULL, NULL, 'moonshot', ?4, '', ?5, ?6, ?7
       WHERE (SELECT COUNT(*) FROM objectives WHERE wave_id = ?3 AND level = 'org' AND kind = 'moonshot') < ?8`,
    )
    .bind(o.id, o.org_id, o.wave_id, o.title, o.position, o.carried_from_id, o.created_at, limit);
}

export function insertKeyResultStatement(db: D1Database, k: KeyResultRow): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO key_results (${KR_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`)
    .bind(k.id, k.org_id, k.objective_id, k.title, k.unit, k.baseline, k.target, k.current, k.position, k.created_at, k.updated_at);
}

export async function findObjective(db: D1Database, orgId: string, id: string): Promise<ObjectiveRow | null> {
  return db.prepare(`SELECT ${OBJECTIVE_COLUMNS} FROM objectives WHERE org_id = ?1 AND id = ?2`).bind(orgId, id).first<ObjectiveRow>();
}

export function objectivesOfWaveStatement(db: D1Database, orgId: string, waveId: string): Typed<ObjectiveRow> {
  return typed<ObjectiveRow>(
    db
      .prepare(`SELECT ${OBJECTIVE_COLUMNS} FROM objectives WHERE org_id = ?1 AND wave_id = ?2 ORDER BY level, created_at, position`)
      .bind(orgId, waveId),
  );
}

export function keyResultsOfWaveStatement(db: D1Database, orgId: string, waveId: string): Typed<KeyResultRow> {
  return typed<KeyResultRow>(
    db
      .prepare(
        `SELECT ${KR_READ_COLUMNS.split(", ")
          .map((c) => `k.${c}`)
          .join(", ")}
       FROM key_results k JOIN objectives o ON o.id = k.objective_id
       WHERE o.org_id = ?1 AND o.wave_id = ?2 ORDER BY k.created_at, k.position`,
      )
      .bind(orgId, waveId),
  );
}

/** Objectives of the org's active wave (subquery), so the board needs no second round trip. */
export function objectivesOfActiveWaveStatement(db: D1Database, orgId: string): Typed<ObjectiveRow> {
  return typed<ObjectiveRow>(
    db
      .prepare(
        `SELECT ${OBJECTIVE_COLUMNS} FROM objectives WHERE org_id = ?1 AND wave_id = (SELECT id FROM waves WHERE org_id = ?1 AND state = 'active') ORDER BY level, created_at, position`,
      )
      .bind(orgId),
  );
}

export function keyResultsOfActiveWaveStatement(db: D1Database, orgId: string): Typed<KeyResultRow> {
  return typed<KeyResultRow>(
    db
      .prepare(
        `SELECT ${KR_READ_COLUMNS.split(", ")
          .map((c) => `k.${c}`)
          .join(", ")}
       FROM key_results k JOIN objectives o ON o.id = k.objective_id
       WHERE o.org_id = ?1 AND o.wave_id = (SELECT id FROM waves WHERE org_id = ?1 AND state = 'active')
       ORDER BY k.created_at, k.position`,
      )
      .bind(orgId),
  );
}

/** The latest check-in instant per team in the active wave. */
export function lastCheckInPerTeamStatement(db: D1Database, orgId: string): Typed<{ team_id: string; last_at: string }> {
  return typed<{ team_id: string; last_at: string }>(
    db
      .prepare(
        `SELECT o.team_id AS team_id, MAX(c.created_at) AS last_at
       FROM kr_checkins c JOIN key_results k ON k.id = c.key_result_id JOIN objectives o ON o.id = k.objective_id
       WHERE o.org_id = ?1 AND o.level = 'team' AND o.wave_id = (SELECT id FROM waves WHERE org_id = ?1 AND state = 'active')
       GROUP BY o.team_id`,
      )
      .bind(orgId),
  );
}

export interface KeyResultContext extends KeyResultRow {
  wave_id: string;
  wave_state: string;
  level: ObjectiveLevel;
  team_id: string | null;
}

/** A key result of this org with the objective and wave it belongs to. */
export async function findKeyResultContext(db: D1Database, orgId: string, krId: string): Promise<KeyResultContext | null> {
  return db
    .prepare(
      `SELECT ${KR_READ_COLUMNS.split(", ")
        .map((c) => `k.${c}`)
        .join(", ")}, o.wave_id, w.state AS wave_state, o.level, o.team_id
       FROM key_results k JOIN objectives o ON o.id = k.objective_id JOIN waves w ON w.id = o.wave_id
       WHERE k.org_id = ?1 AND k.id = ?2`,
    )
    .bind(orgId, krId)
    .first<KeyResultContext>();
}

export function insertCheckInStatements(
  db: D1Database,
  c: {
    id: string;
    org_id: string;
    key_result_id: string;
    value: number;
    note: string;
    confidence: number | null;
    person_id: string;
    created_at: string;
  },
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        "INSERT INTO kr_checkins (id, org_id, key_result_id, value, note, confidence, person_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      )
      .bind(c.id, c.org_id, c.key_result_id, c.value, c.note, c.confidence, c.person_id, c.created_at),
    // A check-in without a confidence keeps the last one given.
    db
      .prepare("UPDATE key_results SET current = ?2, confidence = COALESCE(?4, confidence), updated_at = ?3 WHERE id = ?1")
      .bind(c.key_result_id, c.value, c.created_at, c.confidence),
  ];
}

/** Every check-in of the key results of one team's objectives in a wave, oldest first. */
export function checkInsOfTeamStatement(db: D1Database, orgId: string, teamId: string, waveId: string): Typed<CheckInRow> {
  return typed<CheckInRow>(
    db
      .prepare(
        `SELECT c.id, c.key_result_id, c.value, c.note, c.confidence, p.name AS person_name, c.created_at
       FROM kr_checkins c JOIN key_results k ON k.id = c.key_result_id JOIN objectives o ON o.id = k.objective_id
       LEFT JOIN people p ON p.id = c.person_id
       WHERE o.org_id = ?1 AND o.team_id = ?2 AND o.wave_id = ?3 ORDER BY c.created_at`,
      )
      .bind(orgId, teamId, waveId),
  );
}

export async function deleteObjective(db: D1Database, orgId: string, id: string): Promise<void> {
  await db.prepare("DELETE FROM objectives WHERE org_id = ?1 AND id = ?2").bind(orgId, id).run();
}

export async function deleteKeyResult(db: D1Database, orgId: string, id: string): Promise<void> {
  await db.prepare("DELETE FROM key_results WHERE org_id = ?1 AND id = ?2").bind(orgId, id).run();
}

export async function listKeyResultsOfObjective(db: D1Database, orgId: string, objectiveId: string): Promise<KeyResultRow[]> {
  const { results } = await db
    .prepare(`SELECT ${KR_READ_COLUMNS} FROM key_results WHERE org_id = ?1 AND objective_id = ?2 ORDER BY created_at, position`)
    .bind(orgId, objectiveId)
    .all<KeyResultRow>();
  return results;
}

/** The objective in `waveId` that was carried over from `sourceId`, if any. */
export async function findCarriedCopy(db: D1Database, orgId: string, waveId: string, sourceId: string): Promise<ObjectiveRow | null> {
  return db
    .prepare(`SELECT ${OBJECTIVE_COLUMNS} FROM objectives WHERE org_id = ?1 AND wave_id = ?2 AND carried_from_id = ?3`)
    .bind(orgId, waveId, sourceId)
    .first<ObjectiveRow>();
}

/** Org objectives of the org's draft waves: the targets a carried-over team objective can align to. */
export function orgObjectivesOfDraftWavesStatement(db: D1Database, orgId: string): Typed<{ wave_id: string; id: string; title: string }> {
  return typed<{ wave_id: string; id: string; title: string }>(
    db
      .prepare(
        `SELECT o.wave_id, o.id, o.title FROM objectives o JOIN waves w ON w.id = o.wave_id
       WHERE o.org_id = ?1 AND o.level = 'org' AND w.state = 'draft' ORDER BY w.starts_on, o.created_at`,
      )
      .bind(orgId),
  );
}

import { typed, type Typed } from "./typed";
export interface TeamRow {
  id: string;
  org_id: string;
  name: string;
  mission: string;
  declared_size: number;
  created_at: string;
}

export const TEAM_COLUMNS = "id, org_id, name, mission, declared_size, created_at";

export async function insertTeam(db: D1Database, t: TeamRow): Promise<boolean> {
  const r = await db
    .prepare(`INSERT INTO teams (${TEAM_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (org_id, name) DO NOTHING`)
    .bind(t.id, t.org_id, t.name, t.mission, t.declared_size, t.created_at)
    .run();
  return r.meta.changes === 1;
}

/** Updates a team of this org; false when the new name is taken by another team. */
export async function updateTeam(
  db: D1Database,
  orgId: string,
  teamId: string,
  t: Pick<TeamRow, "name" | "mission" | "declared_size">,
): Promise<boolean> {
  const clash = await db
    .prepare("SELECT 1 AS clash FROM teams WHERE org_id = ?1 AND name = ?2 AND id <> ?3")
    .bind(orgId, t.name, teamId)
    .first();
  if (clash) return false;
  await db
    .prepare("UPDATE teams SET name = ?3, mission = ?4, declared_size = ?5 WHERE org_id = ?1 AND id = ?2")
    .bind(orgId, teamId, t.name, t.mission, t.declared_size)
    .run();
  return true;
}

export async function listTeams(db: D1Database, orgId: string): Promise<TeamRow[]> {
  const { results } = await db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE org_id = ?1 ORDER BY name`).bind(orgId).all<TeamRow>();
  return results;
}

export function listTeamsStatement(db: D1Database, orgId: string): Typed<TeamRow> {
  return typed<TeamRow>(db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE org_id = ?1 ORDER BY name`).bind(orgId));
}

/** A team of this org, or null: a team id from another org is never found. */
export async function findTeam(db: D1Database, orgId: string, teamId: string): Promise<TeamRow | null> {
  return teamStatement(db, orgId, teamId).first<TeamRow>();
}

/** findTeam for a caller's batch: no row when the team is not of this org. */
export function teamStatement(db: D1Database, orgId: string, teamId: string): Typed<TeamRow> {
  return typed<TeamRow>(db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE org_id = ?1 AND id = ?2`).bind(orgId, teamId));
}

export type PulseMode = "shared" | "personal";

/** How the team runs its pulse: on its shared link or on personal links. */
export async function findTeamPulseMode(db: D1Database, orgId: string, teamId: string): Promise<PulseMode | null> {
  return (await teamPulseModeStatement(db, orgId, teamId).first<{ pulse_mode: PulseMode }>())?.pulse_mode ?? null;
}

export function teamPulseModeStatement(db: D1Database, orgId: string, teamId: string): Typed<{ pulse_mode: PulseMode }> {
  return typed<{ pulse_mode: PulseMode }>(db.prepare("SELECT pulse_mode FROM teams WHERE org_id = ?1 AND id = ?2").bind(orgId, teamId));
}

export async function updateTeamPulseMode(db: D1Database, orgId: string, teamId: string, mode: PulseMode): Promise<void> {
  await db.prepare("UPDATE teams SET pulse_mode = ?3 WHERE org_id = ?1 AND id = ?2").bind(orgId, teamId, mode).run();
}

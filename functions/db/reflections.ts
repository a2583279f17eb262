import { typed, type Typed } from "./typed";
export interface ReflectionRow {
  wave_id: string;
  team_id: string;
  worked: string;
  change: string;
  person_name: string | null;
  updated_at: string;
}

export async function upsertReflection(
  db: D1Database,
  r: { wave_id: string; team_id: string; org_id: string; worked: string; change: string; person_id: string; updated_at: string },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO reflections (wave_id, team_id, org_id, worked, change, person_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (wave_id, team_id) DO UPDATE SET worked = excluded.worked, change = excluded.change, person_id = excluded.person_id, updated_at = excluded.updated_at`,
    )
    .bind(r.wave_id, r.team_id, r.org_id, r.worked, r.change, r.person_id, r.updated_at)
    .run();
}

/** A team's reflections across waves, newest wave first, with the wave's name. */
export function reflectionsOfTeamStatement(db: D1Database, orgId: string, teamId: string): Typed<ReflectionRow & { wave_name: string }> {
  return typed<ReflectionRow & { wave_name: string }>(
    db
      .prepare(
        `SELECT r.wave_id, r.team_id, r.worked, r.change, p.name AS person_name, r.updated_at, w.name AS wave_name
       FROM reflections r JOIN waves w ON w.id = r.wave_id LEFT JOIN people p ON p.id = r.person_id
       WHERE r.org_id = ?1 AND r.team_id = ?2 ORDER BY w.starts_on DESC`,
      )
      .bind(orgId, teamId),
  );
}

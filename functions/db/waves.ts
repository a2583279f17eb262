import { typed, type Typed } from "./typed";
import type { WaveState } from "../../src/domain/okr/wave";

export interface WaveRow {
  id: string;
  org_id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  state: WaveState;
  created_at: string;
  activated_at: string | null;
  completed_at: string | null;
  /** The threshold k the wave started with (null while a draft): every figure of the wave uses it. */
  anonymity_k: number | null;
}

export const WAVE_COLUMNS = "id, org_id, name, starts_on, ends_on, state, created_at, activated_at, completed_at, anonymity_k";

export async function insertWave(
  db: D1Database,
  w: Pick<WaveRow, "id" | "org_id" | "name" | "starts_on" | "ends_on" | "created_at">,
): Promise<void> {
  await db
    .prepare("INSERT INTO waves (id, org_id, name, starts_on, ends_on, state, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6)")
    .bind(w.id, w.org_id, w.name, w.starts_on, w.ends_on, w.created_at)
    .run();
}

export async function updateWaveDetails(
  db: D1Database,
  orgId: string,
  waveId: string,
  w: Pick<WaveRow, "name" | "starts_on" | "ends_on">,
): Promise<void> {
  await db
    .prepare("UPDATE waves SET name = ?3, starts_on = ?4, ends_on = ?5 WHERE org_id = ?1 AND id = ?2 AND state <> 'completed'")
    .bind(orgId, waveId, w.name, w.starts_on, w.ends_on)
    .run();
}

export async function findWave(db: D1Database, orgId: string, waveId: string): Promise<WaveRow | null> {
  return waveStatement(db, orgId, waveId).first<WaveRow>();
}

/** findWave for a caller's batch: no row when the wave is not of this org. */
export function waveStatement(db: D1Database, orgId: string, waveId: string): Typed<WaveRow> {
  return typed<WaveRow>(db.prepare(`SELECT ${WAVE_COLUMNS} FROM waves WHERE org_id = ?1 AND id = ?2`).bind(orgId, waveId));
}

export async function listWaves(db: D1Database, orgId: string): Promise<WaveRow[]> {
  return (await listWavesStatement(db, orgId).all<WaveRow>()).results;
}

/** The org's waves, newest first. */
export function listWavesStatement(db: D1Database, orgId: string): Typed<WaveRow> {
  return typed<WaveRow>(
    db.prepare(`SELECT ${WAVE_COLUMNS} FROM waves WHERE org_id = ?1 ORDER BY starts_on DESC, created_at DESC`).bind(orgId),
  );
}

export function activeWaveStatement(db: D1Database, orgId: string): Typed<WaveRow> {
  return typed<WaveRow>(db.prepare(`SELECT ${WAVE_COLUMNS} FROM waves WHERE org_id = ?1 AND state = 'active'`).bind(orgId));
}

/** The org's active wave and its drafts: the active one first, drafts by start. */
export function activeAndDraftWavesStatement(db: D1Database, orgId: string): Typed<WaveRow> {
  return typed<WaveRow>(
    db
      .prepare(`SELECT ${WAVE_COLUMNS} FROM waves WHERE org_id = ?1 AND state IN ('active', 'draft') ORDER BY state, starts_on`)
      .bind(orgId),
  );
}

export async function findActiveWave(db: D1Database, orgId: string): Promise<WaveRow | null> {
  return activeWaveStatement(db, orgId).first<WaveRow>();
}

/**
 * Moves a wave from one state to the next. Returns false when the wave was not in `from`
 * (someone else moved it first). Activating while another wave is active violates the
 * partial unique index; the caller turns that into a 409.
 */
export async function moveWave(
  db: D1Database,
  orgId: string,
  waveId: string,
  from: WaveState,
  to: WaveState,
  at: string,
): Promise<boolean> {
  // Reopening (completed → active) keeps when it first started, its k, and forgets the completion.
  // Starting a wave fixes its k: the org's threshold now, kept with the wave's data for good.
  const set =
    from === "completed"
      ? "completed_at = NULL, activated_at = COALESCE(activated_at, ?5), anonymity_k = COALESCE(anonymity_k, (SELECT o.anonymity_k FROM orgs o WHERE o.id = ?1))"
      : to === "active"
        ? "activated_at = ?5, anonymity_k = (SELECT o.anonymity_k FROM orgs o WHERE o.id = ?1)"
        : "completed_at = ?5";
  const r = await db
    .prepare(`UPDATE waves SET state = ?4, ${set} WHERE org_id = ?1 AND id = ?2 AND state = ?3`)
    .bind(orgId, waveId, from, to, at)
    .run();
  return r.meta.changes === 1;
}

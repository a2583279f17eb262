/**
 * The new-objective form's wave in the same batch as the team check: ?2 when it is a wave of
 * the org (any state), else, when ?2 is '', the active wave, else the newest that is not
 * completed. The statements that need the wave pick it with this subquery instead of waiting
 * for a first round trip. Placeholders: ?1 org, ?2 the wave asked for ('' for none).
 */
import { KR_READ_COLUMNS, OBJECTIVE_COLUMNS, type KeyResultRow, type ObjectiveRow } from "./objectives";
import { typed } from "./typed";
import { WAVE_COLUMNS, type WaveRow } from "./waves";

const PICKED = `(SELECT id FROM waves WHERE org_id = ?1 AND (id = ?2 OR (?2 = '' AND state <> 'completed'))
  ORDER BY state = 'active' DESC, starts_on DESC, created_at DESC LIMIT 1)`;

/** The picked wave (no row: none, or ?2 is not a wave of the org), its objectives and their key results. */
export function objectiveFormWaveStatements(db: D1Database, orgId: string, waveParam: string) {
  const k = KR_READ_COLUMNS.split(", ")
    .map((c) => `k.${c}`)
    .join(", ");
  return [
    typed<WaveRow>(db.prepare(`SELECT ${WAVE_COLUMNS} FROM waves WHERE id = ${PICKED}`).bind(orgId, waveParam)),
    typed<ObjectiveRow>(
      db
        .prepare(
          `SELECT ${OBJECTIVE_COLUMNS} FROM objectives WHERE org_id = ?1 AND wave_id = ${PICKED} ORDER BY level, created_at, position`,
        )
        .bind(orgId, waveParam),
    ),
    typed<KeyResultRow>(
      db
        .prepare(
          `SELECT ${k} FROM key_results k JOIN objectives o ON o.id = k.objective_id
           WHERE o.org_id = ?1 AND o.wave_id = ${PICKED} ORDER BY k.created_at, k.position`,
        )
        .bind(orgId, waveParam),
    ),
  ] as const;
}

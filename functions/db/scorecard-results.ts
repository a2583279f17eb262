import type { DimensionScores } from "../../src/domain/scorecard/scoring";
import type { BandId } from "../../src/domain/scorecard/spectrum";

export interface ScorecardResultRow {
  id: string;
  submission_id: string;
  answers: string;
  clarity: number;
  context: number;
  autonomy: number;
  velocity: number;
  overall: number;
  band: BandId;
  created_on: string;
}

export interface NewScorecardResult {
  id: string;
  submissionId: string;
  answers: Record<string, number>;
  dimensions: DimensionScores;
  overall: number;
  band: BandId;
  createdOn: string;
}

const COLUMNS = "id, submission_id, answers, clarity, context, autonomy, velocity, overall, band, created_on";

/**
 * Inserts a result unless one with the same submission id exists, then returns whichever
 * row holds that submission id: one batch, so a double submit stores exactly one result.
 */
export async function insertScorecardResult(db: D1Database, r: NewScorecardResult): Promise<ScorecardResultRow> {
  const [, selected] = await db.batch<ScorecardResultRow>([
    db
      .prepare(
        `INSERT INTO scorecard_results (${COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (submission_id) DO NOTHING`,
      )
      .bind(
        r.id,
        r.submissionId,
        JSON.stringify(r.answers),
        r.dimensions.clarity,
        r.dimensions.context,
        r.dimensions.autonomy,
        r.dimensions.velocity,
        r.overall,
        r.band,
        r.createdOn,
      ),
    db.prepare(`SELECT ${COLUMNS} FROM scorecard_results WHERE submission_id = ?1`).bind(r.submissionId),
  ]);
  const row = selected.results[0];
  if (!row) throw new Error("scorecard result vanished after insert");
  return row;
}

export async function findScorecardResult(db: D1Database, id: string): Promise<ScorecardResultRow | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM scorecard_results WHERE id = ?1`).bind(id).first<ScorecardResultRow>();
}

export interface ScorecardAveragesRow {
  results: number;
  clarity: number | null;
  context: number | null;
  autonomy: number | null;
  velocity: number | null;
}

/** Count and per-dimension mean over every public result. */
export async function averageScorecardResults(db: D1Database): Promise<ScorecardAveragesRow> {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS results, AVG(clarity) AS clarity, AVG(context) AS context,
              AVG(autonomy) AS autonomy, AVG(velocity) AS velocity
       FROM scorecard_results`,
    )
    .first<ScorecardAveragesRow>();
  return row ?? { results: 0, clarity: null, context: null, autonomy: null, velocity: null };
}

/** Maps a row's dimension columns to domain scores. */
export function rowDimensions(row: Pick<ScorecardResultRow, "clarity" | "context" | "autonomy" | "velocity">): DimensionScores {
  return { clarity: row.clarity, context: row.context, autonomy: row.autonomy, velocity: row.velocity };
}

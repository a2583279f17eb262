/** Stored share cards of public Scorecard results, one PNG per result and card design. */

export async function findScorecardCard(db: D1Database, resultId: string, version: number): Promise<Uint8Array | null> {
  const row = await db
    .prepare("SELECT png FROM scorecard_cards WHERE result_id = ?1 AND version = ?2")
    .bind(resultId, version)
    .first<{ png: ArrayBuffer | number[] }>();
  if (!row) return null;
  return row.png instanceof ArrayBuffer ? new Uint8Array(row.png) : Uint8Array.from(row.png);
}

/** Stores a card unless one is already there (two first views at once keep the first). */
export async function insertScorecardCard(db: D1Database, resultId: string, version: number, png: Uint8Array): Promise<void> {
  await db
    .prepare("INSERT INTO scorecard_cards (result_id, version, png) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
    .bind(resultId, version, png)
    .run();
}

/** Runs statements in batches of 100 (each batch one transaction) and returns how many rows they changed. */
export async function runInBatches(db: D1Database, statements: readonly D1PreparedStatement[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < statements.length; i += 100) {
    const results = await db.batch(statements.slice(i, i + 100));
    changed += results.reduce((n, r) => n + r.meta.changes, 0);
  }
  return changed;
}

/**
 * Typed statements and batches. D1 forgets a statement's row type once it goes into
 * `db.batch()`; these helpers carry it, so services read rows without casting.
 *
 * `typed<Row>(stmt)` marks a prepared statement with the row type its SQL selects (the one
 * place where SQL and type meet, beside the SQL in functions/db). `batch(db, [...])` runs the
 * statements in one round trip and answers a tuple whose members keep each statement's type.
 * A statement that is not typed (a write) answers `D1Result<unknown>`.
 */
declare const rowType: unique symbol;

/** A prepared statement whose rows are `Row`. Only a type: at run time it is the statement itself. */
export type Typed<Row> = D1PreparedStatement & { readonly [rowType]: Row };

export function typed<Row>(stmt: D1PreparedStatement): Typed<Row> {
  return stmt as Typed<Row>;
}

export type RowOf<S> = S extends { readonly [rowType]: infer Row } ? Row : unknown;

/** The results of a batch, member by member. */
export type BatchResults<T extends readonly D1PreparedStatement[]> = { -readonly [K in keyof T]: D1Result<RowOf<T[K]>> };

/** One round trip; the answer keeps the order and row types of `statements`. */
export async function batch<const T extends readonly D1PreparedStatement[]>(db: D1Database, statements: T): Promise<BatchResults<T>> {
  return (await db.batch([...statements])) as BatchResults<T>;
}

/** All rows of one typed statement (one round trip). */
export async function all<Row>(stmt: Typed<Row>): Promise<Row[]> {
  return (await stmt.all<Row>()).results;
}

/** The first row of one typed statement, or null (one round trip). */
export async function first<Row>(stmt: Typed<Row>): Promise<Row | null> {
  return stmt.first<Row>();
}

/**
 * Several groups of statements in one round trip, answered group by group: a view that adds
 * its own reads to another view's batch gets both back typed.
 */
export async function batchGroups<const G extends readonly (readonly D1PreparedStatement[])[]>(
  db: D1Database,
  groups: G,
): Promise<{ -readonly [K in keyof G]: G[K] extends readonly D1PreparedStatement[] ? BatchResults<G[K]> : never }> {
  const results = await db.batch(groups.flat());
  let at = 0;
  return groups.map((g) => results.slice(at, (at += g.length))) as {
    -readonly [K in keyof G]: G[K] extends readonly D1PreparedStatement[] ? BatchResults<G[K]> : never;
  };
}

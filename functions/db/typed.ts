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

/**
 * A view's reads, ready to join another view's batch: its statements, and what it makes of
 * their results (`finish` gets exactly its own results, typed). A page whose parts each come
 * from a different service reads them all in one round trip with `batchParts`.
 */
export interface BatchPart<T> {
  statements: readonly D1PreparedStatement[];
  finish: (results: D1Result[]) => T;
}

export function batchPart<const S extends readonly D1PreparedStatement[], T>(
  statements: S,
  finish: (results: BatchResults<S>) => T,
): BatchPart<T> {
  return { statements, finish: (results) => finish(results as BatchResults<S>) };
}

type PartValues<P extends readonly BatchPart<unknown>[]> = { -readonly [K in keyof P]: P[K] extends BatchPart<infer T> ? T : never };

/**
 * Several parts as one: their statements in order, and `combine` of what each part made. The
 * parts finish in order, so a part that throws (a 404) stops the ones after it from starting.
 */
export function joinParts<const P extends readonly BatchPart<unknown>[], T>(parts: P, combine: (values: PartValues<P>) => T): BatchPart<T> {
  return {
    statements: parts.flatMap((p) => p.statements),
    finish: (results) => {
      let at = 0;
      return combine(parts.map((p) => p.finish(results.slice(at, (at += p.statements.length)))) as PartValues<P>);
    },
  };
}

/** The parts' reads in one round trip; answers what each part made, in order. */
export async function batchParts<const P extends readonly BatchPart<unknown>[]>(db: D1Database, parts: P): Promise<PartValues<P>> {
  const joined = joinParts(parts, (values) => values);
  return joined.finish(await db.batch([...joined.statements]));
}

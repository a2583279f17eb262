/**
 * The anonymity rules every aggregate obeys, wherever it is shown: page, API, CSV, email,
 * share link. A cell is the answers of a set of respondents (votes on one objective in one
 * week, one team's voters in a week, one Scorecard dimension for one group). Below the org's
 * threshold k a cell is suppressed: a state of its own, not "no data" and not a number.
 */

/** The k of a new org (migration 0003 gives the column the same default). */
export const DEFAULT_ANONYMITY_K = 5;
export const MIN_ANONYMITY_K = 3;
export const MAX_ANONYMITY_K = 10;
/** Free text needs at least this many respondents in its cell, whatever k is. */
export const COMMENT_FLOOR = 5;

/**
 * What the database counted for one cell: respondents, and the sum of their values. When one
 * respondent gives several values to a cell (a team's week across its objectives), `answers`
 * counts the values the mean divides by; it defaults to n.
 */
export interface RawCell {
  n: number;
  sum: number;
  answers?: number;
}

export type Cell = { state: "empty" } | { state: "suppressed" } | { state: "shown"; n: number; mean: number };

/** Minimum respondents before free text in a cell is shown: max(k, 5). */
export function commentThreshold(k: number): number {
  return Math.max(k, COMMENT_FLOOR);
}

/** Mean to one decimal place. */
export function roundMean(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A cell on its own: no respondents is empty, fewer than k suppressed, else its mean. */
export function cellFor(raw: RawCell | undefined, k: number): Cell {
  if (!raw || raw.n === 0) return { state: "empty" };
  if (raw.n < k) return { state: "suppressed" };
  return { state: "shown", n: raw.n, mean: roundMean(raw.sum / (raw.answers ?? raw.n)) };
}

/** Cells whose combined value is published (a total row, an org-wide figure) or derivable. */
export interface CellGroup {
  members: readonly string[];
  /** Whether the group's combined value is shown anywhere; only then can it be subtracted from. */
  published: boolean;
  /**
   * How many people the hidden members stand for. "sum" (the default) when members are
   * disjoint sets of people (teams of an org); "max" when the same people may be in several
   * members (one team's objectives, rated by the same voters): then only the largest hidden
   * member is sure to be that many distinct people.
   */
  coverage?: "sum" | "max";
}

/**
 * Suppresses a table of cells, including complementary suppression: in a published group,
 * the suppressed members together must cover at least k respondents, otherwise the total
 * minus the shown members would reveal them; the smallest shown members are suppressed too
 * until they do. Groups may nest (teams within the org, objectives within a team) but must
 * not overlap side by side (no row totals and column totals over the same cells): callers
 * publish totals along one axis only, and pass nested levels outermost first.
 */
export function suppressTable(raw: ReadonlyMap<string, RawCell>, k: number, groups: readonly CellGroup[] = []): Map<string, Cell> {
  const suppressed = new Set<string>();
  for (const [key, r] of raw) if (r.n > 0 && r.n < k) suppressed.add(key);
  const n = (key: string) => raw.get(key)?.n ?? 0;
  for (const group of groups) {
    if (!group.published) continue;
    const add = (acc: number, key: string) => (group.coverage === "max" ? Math.max(acc, n(key)) : acc + n(key));
    let hiddenN = group.members.filter((key) => suppressed.has(key)).reduce(add, 0);
    if (hiddenN === 0) continue;
    const shown = group.members.filter((key) => !suppressed.has(key) && n(key) > 0).sort((a, b) => n(a) - n(b) || a.localeCompare(b));
    while (hiddenN < k && shown.length > 0) {
      const next = shown.shift() as string;
      suppressed.add(next);
      hiddenN = add(hiddenN, next);
    }
  }
  const out = new Map<string, Cell>();
  for (const [key, r] of raw) out.set(key, suppressed.has(key) ? { state: "suppressed" } : cellFor(r, k));
  return out;
}

/**
 * Release in steps of k. Without this, someone who watches a figure while people answer could
 * read one person's answer from the change right after that person answered (the mean of 6
 * answers minus the mean of the 5 before it). So a cell publishes its figures when it first
 * reaches k respondents, and then again only once at least k more have arrived: any change
 * anyone can see is the work of k people at least. `current` is what the database counts now,
 * `last` what the cell last published; `next`, when set, is the new release to store.
 */
export function stepRelease<T extends { n: number }>(current: T, last: T | null | undefined, k: number): { shown: T; next: T | null } {
  // First publication, or answers disappeared (what they belonged to was deleted): start again.
  if (!last || current.n < last.n) return { shown: current, next: current.n >= k ? current : null };
  if (current.n - last.n >= k) return { shown: current, next: current };
  return { shown: last, next: null };
}

/** Shuffles a copy of the list (Fisher–Yates) with the given source of randomness in [0, 1). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The sentence every page that collects pulse votes shows; docs/ANONYMITY.md says the same at length. */
export function anonymityPromise(k: number): string {
  return `Anonymous: leadership sees only averages of at least ${k} people, for a whole week once it is over, never who answered or when, and comments only from a week at least ${commentThreshold(k)} people answered.`;
}

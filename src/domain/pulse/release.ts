import type { RawCell } from "../anonymity";

/**
 * Release in steps of k. Without this, someone who watches a heat-map cell while the team
 * votes could read one person's vote from the change right after that person voted (the
 * mean of 6 votes minus the mean of the 5 before it). So a cell publishes its figures when
 * it first reaches k answers, and then again only once at least k more have arrived: any
 * change anyone can see is the work of k people at least.
 */

export interface Release {
  n: number;
  sum: number;
  answers: number;
}

export interface ReleaseDecision {
  /** What the cell shows (then suppressed below k as usual). */
  shown: RawCell;
  /** The new release to store, when this read publishes new figures. */
  next: Release | null;
}

export function releaseStep(raw: RawCell, last: Release | null | undefined, k: number): ReleaseDecision {
  const answers = raw.answers ?? raw.n;
  const fresh = { n: raw.n, sum: raw.sum, answers };
  // First publication, or votes disappeared (an objective was deleted): start again.
  if (!last || raw.n < last.n) return { shown: raw, next: raw.n >= k ? fresh : null };
  if (raw.n - last.n >= k) return { shown: raw, next: fresh };
  return { shown: { n: last.n, sum: last.sum, answers: last.answers }, next: null };
}

import { stepRelease, type RawCell } from "../anonymity";

/** What a heat-map cell last published: respondents, the sum of their values and how many values. */
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

/** A heat-map cell released in steps of k (see stepRelease); team weeks step by people, not votes. */
export function releaseStep(raw: RawCell, last: Release | null | undefined, k: number): ReleaseDecision {
  return stepRelease<Release>({ n: raw.n, sum: raw.sum, answers: raw.answers ?? raw.n }, last, k);
}

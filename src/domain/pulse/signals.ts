import type { ProgressStatus } from "../okr/progress";

/**
 * The divergence alert: key results and the team's own confidence disagree. Either the KRs
 * are on or ahead of the expected progress while the team votes 2 or below, or the KRs are
 * behind while the team votes 4 or above. `mean` is the latest shown (unsuppressed) mean.
 */
export type Divergence = "on-track-but-struggling" | "behind-but-confident";

export function divergence(status: ProgressStatus, mean: number | null): Divergence | null {
  if (mean === null) return null;
  if ((status === "on-track" || status === "ahead") && mean <= 2) return "on-track-but-struggling";
  if (status === "behind" && mean >= 4) return "behind-but-confident";
  return null;
}

export function divergenceText(d: Divergence): string {
  return d === "on-track-but-struggling" ? "Key results on track, but the team votes struggling" : "Key results behind, but the team votes confident";
}

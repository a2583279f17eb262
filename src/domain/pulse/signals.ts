import type { ProgressStatus } from "../okr/progress";

/**
 * The divergence alert: three signals about one objective disagree. The signals are the key
 * results' progress against the expected progress (`status`), the lead's confidence with the
 * check-ins (`lead`, 1–5, null when not given) and the team's votes (`mean`, the latest shown,
 * unsuppressed mean, 1–5, or null). "Low" is 2 or below, "high" 4 or above.
 * The team's votes against the key results come first; then the team against its lead; then,
 * with no shown votes, the lead against the key results.
 */
export type Divergence =
  | "on-track-but-struggling"
  | "behind-but-confident"
  | "lead-confident-but-team-struggling"
  | "lead-worried-but-team-confident"
  | "behind-but-lead-confident"
  | "on-track-but-lead-worried";

const onTrack = (s: ProgressStatus) => s === "on-track" || s === "ahead";

export function divergence(status: ProgressStatus, mean: number | null, lead: number | null = null): Divergence | null {
  if (mean !== null) {
    if (onTrack(status) && mean <= 2) return "on-track-but-struggling";
    if (status === "behind" && mean >= 4) return "behind-but-confident";
    if (lead !== null && lead >= 4 && mean <= 2) return "lead-confident-but-team-struggling";
    if (lead !== null && lead <= 2 && mean >= 4) return "lead-worried-but-team-confident";
    return null;
  }
  if (lead === null) return null;
  if (status === "behind" && lead >= 4) return "behind-but-lead-confident";
  if (onTrack(status) && lead <= 2) return "on-track-but-lead-worried";
  return null;
}

const TEXT: Record<Divergence, string> = {
  "on-track-but-struggling": "Key results on track, but the team votes struggling",
  "behind-but-confident": "Key results behind, but the team votes confident",
  "lead-confident-but-team-struggling": "The lead is confident, but the team votes struggling",
  "lead-worried-but-team-confident": "The lead is worried, but the team votes confident",
  "behind-but-lead-confident": "Key results behind, but the lead is confident",
  "on-track-but-lead-worried": "Key results on track, but the lead is worried",
};

export function divergenceText(d: Divergence): string {
  return TEXT[d];
}

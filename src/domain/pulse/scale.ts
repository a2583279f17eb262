/** The weekly confidence vote: 1 (Struggling) to 5 (Exceeding) per team objective. */

export const SCORE_LABELS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: "Struggling",
  2: "Slipping",
  3: "Steady",
  4: "On track",
  5: "Exceeding",
};

export type Score = keyof typeof SCORE_LABELS;

/** The label of the nearest score for a mean (1–5), so a heat map cell reads without colour. */
export function scoreBand(mean: number): { score: Score; label: string } {
  const score = Math.min(5, Math.max(1, Math.round(mean))) as Score;
  return { score, label: SCORE_LABELS[score] };
}

/** Longest comment a voter can leave with a vote, in characters. */
export const MAX_COMMENT_LENGTH = 500;

import { DIMENSIONS, STATEMENTS, type DimensionId } from "./statements";

/** Answers keyed by statement id, each an integer 1–5 on the agreement scale. */
export type Answers = Readonly<Record<string, number>>;

/** Each dimension scored 0–100. */
export type DimensionScores = Record<DimensionId, number>;

export interface ScorecardScores {
  dimensions: DimensionScores;
  /** Mean of the four dimension scores, 0–100. */
  overall: number;
  /** Mean of Strategic Clarity and Context Flow, 0–100. */
  alignment: number;
  /** Mean of Decision Autonomy and Execution Velocity, 0–100. */
  autonomy: number;
}

/** One decimal place: enough to separate results, few enough digits to read. */
export function roundScore(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The statement's contribution 1–5 after reverse scoring (a reverse item's 5 counts as 1). */
export function itemValue(answer: number, reverse: boolean): number {
  return reverse ? 6 - answer : answer;
}

/** Lists the statement ids with no answer or an answer that is not an integer 1–5. */
export function findInvalidAnswers(answers: Answers): string[] {
  return STATEMENTS.filter((s) => {
    const v = answers[s.id];
    return !(Number.isInteger(v) && v >= 1 && v <= 5);
  }).map((s) => s.id);
}

/**
 * Scores a complete set of answers. Each dimension maps the mean item value (1–5) linearly
 * onto 0–100. Throws when an answer is missing or out of range: validate first.
 */
export function scoreScorecard(answers: Answers): ScorecardScores {
  const invalid = findInvalidAnswers(answers);
  if (invalid.length > 0) throw new RangeError(`invalid answers: ${invalid.join(", ")}`);
  const dimensions = {} as DimensionScores;
  for (const d of DIMENSIONS) {
    const items = STATEMENTS.filter((s) => s.dimension === d.id);
    const mean = items.reduce((sum, s) => sum + itemValue(answers[s.id], s.reverse), 0) / items.length;
    dimensions[d.id] = roundScore(((mean - 1) / 4) * 100);
  }
  return summariseDimensions(dimensions);
}

/** Derives overall and axis scores from dimension scores (also used for org means). */
export function summariseDimensions(dimensions: DimensionScores): ScorecardScores {
  return {
    dimensions,
    overall: roundScore((dimensions.clarity + dimensions.context + dimensions.autonomy + dimensions.velocity) / 4),
    alignment: roundScore((dimensions.clarity + dimensions.context) / 2),
    autonomy: roundScore((dimensions.autonomy + dimensions.velocity) / 2),
  };
}

/** The dimension with the lowest score; ties go to the first in DIMENSIONS order. */
export function weakestDimension(dimensions: DimensionScores): DimensionId {
  let weakest = DIMENSIONS[0].id;
  for (const d of DIMENSIONS) if (dimensions[d.id] < dimensions[weakest]) weakest = d.id;
  return weakest;
}

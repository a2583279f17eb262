import { ADVICE, type Advice } from "./advice";
import { quadrantFor, type Quadrant } from "./quadrant";
import { summariseDimensions, weakestDimension, type DimensionScores, type ScorecardScores } from "./scoring";
import { bandForScore, type Band } from "./spectrum";
import type { DimensionId } from "./statements";

/** Everything a result page or report shows, derived from the four dimension scores. */
export interface ScorecardReading {
  scores: ScorecardScores;
  band: Band;
  quadrant: Quadrant;
  weakest: DimensionId;
  advice: Advice;
}

export function readScorecard(dimensions: DimensionScores): ScorecardReading {
  const scores = summariseDimensions(dimensions);
  const weakest = weakestDimension(dimensions);
  return {
    scores,
    band: bandForScore(scores.overall),
    quadrant: quadrantFor(scores.alignment, scores.autonomy),
    weakest,
    advice: ADVICE[weakest],
  };
}

/** Minimum number of results before the "everyone who took the quiz" comparison is shown. */
export const BENCHMARK_MIN_RESULTS = 5;

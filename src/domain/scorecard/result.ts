import { ADVICE, type Advice } from "./advice";
import { diagnose, type Diagnosis } from "./diagnosis";
import type { Quadrant } from "./quadrant";
import { summariseDimensions, weakestDimension, type DimensionScores, type ScorecardScores } from "./scoring";
import type { Band } from "./spectrum";
import type { DimensionId } from "./statements";

/** Everything a result page or report shows, derived from the four dimension scores. */
export interface ScorecardReading {
  scores: ScorecardScores;
  band: Band;
  quadrant: Quadrant;
  /** The one headline band and quadrant tell together: show this, not either alone. */
  diagnosis: Diagnosis;
  weakest: DimensionId;
  advice: Advice;
}

export function readScorecard(dimensions: DimensionScores): ScorecardReading {
  const scores = summariseDimensions(dimensions);
  const weakest = weakestDimension(dimensions);
  const diagnosis = diagnose(scores);
  return {
    scores,
    band: diagnosis.band,
    quadrant: diagnosis.quadrant,
    diagnosis,
    weakest,
    advice: ADVICE[weakest],
  };
}

/**
 * Minimum number of results before the "everyone who took the quiz" comparison is shown. With
 * 30 results a dimension's mean (spread about 20 points) is known to within about ±7 points
 * (95 %), close enough for the comparison to mean something; fewer and it mostly shows noise.
 */
export const BENCHMARK_MIN_RESULTS = 30;

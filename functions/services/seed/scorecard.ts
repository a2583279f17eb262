import { STATEMENTS } from "../../../src/domain/scorecard/statements";
import { submitScorecard } from "../scorecard";
import { seededRandom } from "./random";

export const DEMO_RESULTS = 12;

/** Public Scorecard results from a spread of organisations, so the benchmark shows from day one. */
export async function seedScorecardResults(db: D1Database, now: Date): Promise<number> {
  const random = seededRandom(20261120);
  let created = 0;
  for (let n = 0; n < DEMO_RESULTS; n++) {
    const tilt = 1.8 + random() * 2.4; // each demo org leans somewhere between 1.8 and 4.2
    const answers = Object.fromEntries(
      STATEMENTS.map((s) => {
        const base = Math.min(5, Math.max(1, Math.round(tilt + (random() - 0.5) * 2)));
        return [s.id, s.reverse ? 6 - base : base];
      }),
    );
    const result = await submitScorecard(db, { submissionId: `demo-seed-result-${String(n).padStart(2, "0")}`, answers }, now);
    if (result.created) created += 1;
  }
  return created;
}

import { STATEMENTS } from "../../src/domain/scorecard/statements";
import { submitScorecard } from "./scorecard";

/** A small deterministic PRNG so the demo data is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEMO_RESULTS = 12;

/** Public Scorecard results from a spread of organisations, so the benchmark shows from day one. */
async function seedScorecardResults(db: D1Database, now: Date): Promise<number> {
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

/**
 * Seeds the demo data `npm start` shows. Idempotent: every row has a fixed key, so a second
 * run creates nothing and reports so.
 */
export async function seedDemo(db: D1Database, now: Date): Promise<{ created: boolean; summary: string[] }> {
  const results = await seedScorecardResults(db, now);
  return {
    created: results > 0,
    summary: [`${DEMO_RESULTS} public Scorecard results${results === 0 ? " (already there)" : ""}`],
  };
}

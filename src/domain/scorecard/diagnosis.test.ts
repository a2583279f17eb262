import { describe, expect, it } from "vitest";
import { DIAGNOSES, diagnose } from "./diagnosis";
import { quadrantFor } from "./quadrant";
import { scoreScorecard, summariseDimensions, type DimensionScores } from "./scoring";
import { BANDS, bandForScore } from "./spectrum";
import { STATEMENTS } from "./statements";

/** Answers that put every dimension at its lowest (false) or highest (true) score. */
function cornerAnswers(high: Record<string, boolean>): Record<string, number> {
  return Object.fromEntries(
    STATEMENTS.map((s) => {
      const top = high[s.dimension];
      return [s.id, top !== s.reverse ? 5 : 1];
    }),
  );
}

const L = false;
const H = true;
/** Every corner of the answer space: each dimension all at its minimum or all at its maximum. */
const CORNERS: [boolean, boolean, boolean, boolean, string, string][] = [
  // clarity, context, autonomy, velocity → band, quadrant
  [L, L, L, L, "directive", "micromanaged"],
  // One dimension at 100 lifts its axis to 50, the line where it counts as high.
  [H, L, L, L, "consultative", "authoritarian"],
  [L, H, L, L, "consultative", "authoritarian"],
  [L, L, H, L, "consultative", "chaos"],
  [L, L, L, H, "consultative", "chaos"],
  [H, H, L, L, "collaborative", "authoritarian"],
  [L, L, H, H, "collaborative", "chaos"],
  [H, L, H, L, "collaborative", "aligned-autonomy"],
  [H, L, L, H, "collaborative", "aligned-autonomy"],
  [L, H, H, L, "collaborative", "aligned-autonomy"],
  [L, H, L, H, "collaborative", "aligned-autonomy"],
  [H, H, H, L, "empowered", "aligned-autonomy"],
  [H, H, L, H, "empowered", "aligned-autonomy"],
  [H, L, H, H, "empowered", "aligned-autonomy"],
  [L, H, H, H, "empowered", "aligned-autonomy"],
  [H, H, H, H, "autonomous", "aligned-autonomy"],
];

describe("one diagnosis for band and quadrant", () => {
  it.each(CORNERS)(
    "corner clarity %s, context %s, autonomy %s, velocity %s → %s / %s",
    (clarity, context, autonomy, velocity, band, quadrant) => {
      const scores = scoreScorecard(cornerAnswers({ clarity, context, autonomy, velocity }));
      const d = diagnose(scores);
      expect(d.band.id).toBe(band);
      expect(d.quadrant.id).toBe(quadrant);
      expect(d.headline).toBe(DIAGNOSES[`${d.band.id}/${d.quadrant.id}`]?.headline);
    },
  );

  it.each([
    // Just either side of the lines where band and quadrant change.
    [{ clarity: 50, context: 50, autonomy: 50, velocity: 50 }, "collaborative", "aligned-autonomy"],
    [{ clarity: 49.9, context: 49.9, autonomy: 49.9, velocity: 49.9 }, "collaborative", "micromanaged"],
    [{ clarity: 100, context: 100, autonomy: 0, velocity: 0 }, "collaborative", "authoritarian"],
    [{ clarity: 100, context: 100, autonomy: 49.9, velocity: 49.9 }, "empowered", "authoritarian"],
    [{ clarity: 0, context: 0, autonomy: 100, velocity: 50 }, "consultative", "chaos"],
    [{ clarity: 0, context: 0, autonomy: 100, velocity: 80 }, "collaborative", "chaos"],
    [{ clarity: 45, context: 45, autonomy: 45, velocity: 45 }, "collaborative", "micromanaged"],
    [{ clarity: 30, context: 30, autonomy: 100, velocity: 100 }, "empowered", "chaos"],
    [{ clarity: 80, context: 80, autonomy: 80, velocity: 80 }, "autonomous", "aligned-autonomy"],
  ] as [DimensionScores, string, string][])("%o → %s / %s", (dimensions, band, quadrant) => {
    const d = diagnose(summariseDimensions(dimensions));
    expect([d.band.id, d.quadrant.id]).toEqual([band, quadrant]);
  });

  it("has a headline for every result the quiz can produce, and never one the axes contradict", () => {
    // Each dimension is the mean of five 1–5 ratings mapped to 0–100: a multiple of 5.
    const steps = Array.from({ length: 21 }, (_, i) => i * 5);
    const pairs = new Set<string>();
    for (const clarity of steps)
      for (const context of steps)
        for (const autonomy of steps)
          for (const velocity of steps) {
            const scores = summariseDimensions({ clarity, context, autonomy, velocity });
            const d = diagnose(scores);
            expect(d.band).toBe(bandForScore(scores.overall));
            expect(d.quadrant).toBe(quadrantFor(scores.alignment, scores.autonomy));
            pairs.add(`${d.band.id}/${d.quadrant.id}`);
          }
    // Every written headline is reachable, and nothing else is.
    expect([...pairs].sort()).toEqual(Object.keys(DIAGNOSES).sort());
  });

  it("keeps axis claims out of the band alone: low alignment is never told its direction is shared", () => {
    for (const [key, text] of Object.entries(DIAGNOSES)) {
      const lowAlignment = key.endsWith("/micromanaged") || key.endsWith("/chaos");
      if (lowAlignment)
        expect(`${text?.headline} ${text?.story}`, key).not.toMatch(/direction is (shared|clear)|know the (direction|why)/i);
      const lowAutonomy = key.endsWith("/micromanaged") || key.endsWith("/authoritarian");
      if (lowAutonomy) expect(`${text?.headline} ${text?.story}`, key).not.toMatch(/teams (own|decide) (most|decisions)|decide and ship/i);
    }
    // A band that more than one quadrant can reach says nothing about either axis on its own.
    for (const band of BANDS.filter((b) => new Set(Object.keys(DIAGNOSES).filter((k) => k.startsWith(`${b.id}/`))).size > 1)) {
      expect(`${band.summary} ${band.description}`, band.id).not.toMatch(
        /direction is (shared|clear)|know (much of )?the (direction|why)|teams (own|decide)|leadership (still )?decides/i,
      );
    }
  });
});

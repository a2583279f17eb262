import { describe, expect, it } from "vitest";
import { ADVICE } from "./advice";
import { quadrantFor } from "./quadrant";
import { readScorecard } from "./result";
import { BANDS, bandForScore } from "./spectrum";

describe("bandForScore", () => {
  it.each([
    [0, "directive"],
    [19.9, "directive"],
    [20, "consultative"],
    [39.9, "consultative"],
    [40, "collaborative"],
    [59.9, "collaborative"],
    [60, "empowered"],
    [79.9, "empowered"],
    [80, "autonomous"],
    [100, "autonomous"],
    [-5, "directive"],
    [140, "autonomous"],
  ])("%d → %s", (score, band) => {
    expect(bandForScore(score).id).toBe(band);
  });

  it("names and describes every band, in order from Directive to Autonomous", () => {
    expect(BANDS.map((b) => b.name)).toEqual(["Directive", "Consultative", "Collaborative", "Empowered", "Autonomous"]);
    for (const b of BANDS) expect(b.description.length).toBeGreaterThan(60);
  });
});

describe("quadrantFor", () => {
  it.each([
    [20, 20, "micromanaged"],
    [80, 20, "authoritarian"],
    [20, 80, "chaos"],
    [80, 80, "aligned-autonomy"],
    [50, 49.9, "authoritarian"],
    [49.9, 50, "chaos"],
    [50, 50, "aligned-autonomy"],
  ])("alignment %d, autonomy %d → %s", (alignment, autonomy, id) => {
    expect(quadrantFor(alignment, autonomy).id).toBe(id);
  });
});

describe("readScorecard", () => {
  it("places the result and aims advice at the weakest dimension", () => {
    const reading = readScorecard({ clarity: 70, context: 65, autonomy: 30, velocity: 55 });
    expect(reading.scores.overall).toBe(55);
    expect(reading.band.id).toBe("collaborative");
    expect(reading.quadrant.id).toBe("authoritarian");
    expect(reading.weakest).toBe("autonomy");
    expect(reading.advice).toBe(ADVICE.autonomy);
  });

  it("gives every dimension at least three concrete practices", () => {
    for (const advice of Object.values(ADVICE)) expect(advice.practices.length).toBeGreaterThanOrEqual(3);
  });
});

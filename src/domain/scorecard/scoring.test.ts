import { describe, expect, it } from "vitest";
import { STATEMENTS } from "./statements";
import { findInvalidAnswers, itemValue, scoreScorecard, weakestDimension, type Answers } from "./scoring";

/** Answers where every statement of a dimension gets the same raw value. */
function answersBy(raw: Record<string, number>): Answers {
  return Object.fromEntries(STATEMENTS.map((s) => [s.id, raw[s.dimension]]));
}

/** Answers chosen so that every item scores `value` after reverse scoring. */
function uniformItems(value: number): Answers {
  return Object.fromEntries(STATEMENTS.map((s) => [s.id, s.reverse ? 6 - value : value]));
}

describe("scoreScorecard", () => {
  it.each([
    { name: "all items at 1 score 0", answers: uniformItems(1), overall: 0, dims: [0, 0, 0, 0] },
    { name: "all items at 5 score 100", answers: uniformItems(5), overall: 100, dims: [100, 100, 100, 100] },
    { name: "all items at 3 score 50", answers: uniformItems(3), overall: 50, dims: [50, 50, 50, 50] },
    { name: "all items at 4 score 75", answers: uniformItems(4), overall: 75, dims: [75, 75, 75, 75] },
    // Raw 5 everywhere: each dimension has 3 forward items (5) and 2 reverse items (1):
    // mean (15 + 2) / 5 = 3.4 → (3.4 - 1) / 4 = 60.
    {
      name: "agreeing with everything is not a perfect score",
      answers: answersBy({ clarity: 5, context: 5, autonomy: 5, velocity: 5 }),
      overall: 60,
      dims: [60, 60, 60, 60],
    },
  ])("$name", ({ answers, overall, dims }) => {
    const scores = scoreScorecard(answers);
    expect(scores.overall).toBe(overall);
    expect([scores.dimensions.clarity, scores.dimensions.context, scores.dimensions.autonomy, scores.dimensions.velocity]).toEqual(dims);
  });

  it("scores each dimension from its own five statements only", () => {
    const answers = Object.fromEntries(STATEMENTS.map((s) => [s.id, s.dimension === "velocity" ? (s.reverse ? 1 : 5) : s.reverse ? 5 : 1]));
    const scores = scoreScorecard(answers);
    expect(scores.dimensions).toEqual({ clarity: 0, context: 0, autonomy: 0, velocity: 100 });
    expect(scores.overall).toBe(25);
    expect(scores.alignment).toBe(0);
    expect(scores.autonomy).toBe(50);
  });

  it("rounds dimension scores to one decimal", () => {
    // One clarity item one step up from all-1: mean 1.2 → 5.0; a second: 1.4 → 10.0.
    const answers = { ...uniformItems(1) } as Record<string, number>;
    answers.sc1 = 2;
    expect(scoreScorecard(answers).dimensions.clarity).toBe(5);
    answers.sc2 = 3;
    expect(scoreScorecard(answers).dimensions.clarity).toBe(15);
  });

  it.each([
    { name: "a missing answer", patch: { sc1: undefined } },
    { name: "zero", patch: { sc1: 0 } },
    { name: "six", patch: { cf2: 6 } },
    { name: "a fraction", patch: { da3: 2.5 } },
    { name: "NaN", patch: { ev4: Number.NaN } },
  ])("refuses $name", ({ patch }) => {
    const answers = { ...uniformItems(3), ...patch } as unknown as Answers;
    expect(findInvalidAnswers(answers)).toHaveLength(1);
    expect(() => scoreScorecard(answers)).toThrow(RangeError);
  });
});

describe("itemValue", () => {
  it.each([
    [1, false, 1],
    [5, false, 5],
    [1, true, 5],
    [5, true, 1],
    [3, true, 3],
  ])("answer %i (reverse %s) counts as %i", (answer, reverse, expected) => {
    expect(itemValue(answer, reverse)).toBe(expected);
  });
});

describe("weakestDimension", () => {
  it.each([
    [{ clarity: 80, context: 20, autonomy: 50, velocity: 60 }, "context"],
    [{ clarity: 10, context: 20, autonomy: 50, velocity: 60 }, "clarity"],
    [{ clarity: 70, context: 70, autonomy: 70, velocity: 69.9 }, "velocity"],
    [{ clarity: 40, context: 40, autonomy: 40, velocity: 40 }, "clarity"],
  ] as const)("%o → %s", (dims, expected) => {
    expect(weakestDimension(dims)).toBe(expected);
  });
});

describe("the statement set", () => {
  it("has five statements per dimension, unique ids, and reverse-scored items in every dimension", () => {
    expect(STATEMENTS).toHaveLength(20);
    expect(new Set(STATEMENTS.map((s) => s.id)).size).toBe(20);
    for (const dim of ["clarity", "context", "autonomy", "velocity"]) {
      const items = STATEMENTS.filter((s) => s.dimension === dim);
      expect(items).toHaveLength(5);
      expect(items.some((s) => s.reverse)).toBe(true);
      expect(items.some((s) => !s.reverse)).toBe(true);
    }
  });
});

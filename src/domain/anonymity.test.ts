import { describe, expect, it } from "vitest";
import { cellFor, commentThreshold, shuffled, suppressTable, type RawCell } from "./anonymity";

const table = (entries: Record<string, number>) =>
  new Map<string, RawCell>(Object.entries(entries).map(([k, n]) => [k, { n, sum: n * 3 }]));

describe("cellFor", () => {
  it.each([
    [undefined, 5, { state: "empty" }],
    [{ n: 0, sum: 0 }, 5, { state: "empty" }],
    [{ n: 1, sum: 4 }, 5, { state: "suppressed" }],
    [{ n: 4, sum: 12 }, 5, { state: "suppressed" }],
    [{ n: 5, sum: 17 }, 5, { state: "shown", n: 5, mean: 3.4 }],
    [{ n: 3, sum: 10 }, 3, { state: "shown", n: 3, mean: 3.3 }],
    [{ n: 5, sum: 36, answers: 10 }, 5, { state: "shown", n: 5, mean: 3.6 }],
  ])("%o at k=%i → %o", (raw, k, cell) => {
    expect(cellFor(raw, k)).toEqual(cell);
  });

  it("a suppressed cell carries neither a count nor a mean", () => {
    expect(Object.keys(cellFor({ n: 2, sum: 9 }, 5))).toEqual(["state"]);
  });
});

describe("suppressTable", () => {
  it("hides the next-smallest cell when a published total would reveal a lone suppressed one", () => {
    // Org total per week = sum of teams; team C (3 voters) is below k=5.
    const cells = suppressTable(table({ A: 9, B: 6, C: 3, D: 12 }), 5, [{ members: ["A", "B", "C", "D"], published: true }]);
    expect(cells.get("C")).toEqual({ state: "suppressed" });
    expect(cells.get("B")).toEqual({ state: "suppressed" });
    expect(cells.get("A")?.state).toBe("shown");
    expect(cells.get("D")?.state).toBe("shown");
  });

  it("keeps going until the hidden cells together reach k", () => {
    const cells = suppressTable(table({ A: 1, B: 1, C: 1, D: 8, E: 9 }), 5, [{ members: ["A", "B", "C", "D", "E"], published: true }]);
    expect(
      [...cells]
        .filter(([, c]) => c.state === "suppressed")
        .map(([k]) => k)
        .sort(),
    ).toEqual(["A", "B", "C", "D"]);
  });

  it("does nothing when two suppressed cells already cover k together, or the total is not published", () => {
    expect(
      [...suppressTable(table({ A: 3, B: 4, C: 7 }), 5, [{ members: ["A", "B", "C"], published: true }]).values()].map((c) => c.state),
    ).toEqual(["suppressed", "suppressed", "shown"]);
    expect([...suppressTable(table({ A: 2, B: 6 }), 5, [{ members: ["A", "B"], published: false }]).values()].map((c) => c.state)).toEqual([
      "suppressed",
      "shown",
    ]);
  });

  it("handles nested groups outermost first: teams within the org, objectives within a team", () => {
    // Week column: team T1 (3 voters) and T2 (6) under a published org total; T2's two
    // objectives (6 and 2 votes) under T2's own total.
    const raw = new Map<string, RawCell>([
      ["T1", { n: 3, sum: 9 }],
      ["T2", { n: 6, sum: 18 }],
      ["T3", { n: 8, sum: 24 }],
      ["T3:o1", { n: 8, sum: 24 }],
      ["T3:o2", { n: 2, sum: 6 }],
    ]);
    const org = suppressTable(raw, 5, [{ members: ["T1", "T2", "T3"], published: true }]);
    expect([org.get("T1")?.state, org.get("T2")?.state, org.get("T3")?.state]).toEqual(["suppressed", "suppressed", "shown"]);
    const team = suppressTable(raw, 5, [{ members: ["T3:o1", "T3:o2"], published: org.get("T3")?.state === "shown" }]);
    expect([team.get("T3:o1")?.state, team.get("T3:o2")?.state]).toEqual(["suppressed", "suppressed"]);
  });

  it("leaves empty cells empty", () => {
    const cells = suppressTable(table({ A: 0, B: 6, C: 7 }), 5, [{ members: ["A", "B", "C"], published: true }]);
    expect(cells.get("A")).toEqual({ state: "empty" });
    expect(cells.get("B")?.state).toBe("shown");
  });
});

describe("comments and order", () => {
  it("need max(k, 5) respondents", () => {
    expect(commentThreshold(3)).toBe(5);
    expect(commentThreshold(7)).toBe(7);
  });

  it("shuffles a copy, keeping every item", () => {
    let i = 0;
    const random = () => [0.9, 0.1, 0.5, 0.3][i++ % 4];
    const input = ["a", "b", "c", "d", "e"];
    const out = shuffled(input, random);
    expect(out).not.toEqual(input);
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual(["a", "b", "c", "d", "e"]);
  });
});

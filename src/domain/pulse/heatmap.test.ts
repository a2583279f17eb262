import { describe, expect, it } from "vitest";
import type { Cell } from "../anonymity";
import { dropFlags } from "./heatmap";
import { divergence } from "./signals";
import { waveWeeks } from "./weeks";

const shown = (mean: number): Cell => ({ state: "shown", n: 5, mean });
const S: Cell = { state: "suppressed" };
const E: Cell = { state: "empty" };

describe("dropFlags", () => {
  it.each([
    { name: "a fall of 0.75", cells: [shown(3.5), shown(2.75)], flags: [false, true] },
    { name: "a fall of 0.7", cells: [shown(3.5), shown(2.8)], flags: [false, false] },
    { name: "falling two weeks running", cells: [shown(4), shown(3.8), shown(3.6)], flags: [false, false, true] },
    { name: "a rise", cells: [shown(2), shown(4)], flags: [false, false] },
    { name: "a suppressed previous week never counts", cells: [shown(4.5), S, shown(3)], flags: [false, false, false] },
    { name: "nor an empty one", cells: [E, shown(1)], flags: [false, false] },
    { name: "two weeks running needs three shown weeks", cells: [S, shown(3.9), shown(3.6)], flags: [false, false, false] },
  ])("$name", ({ cells, flags }) => {
    expect(dropFlags(cells)).toEqual(flags);
  });
});

describe("divergence", () => {
  it.each([
    ["on-track", 2, "on-track-but-struggling"],
    ["ahead", 1.8, "on-track-but-struggling"],
    ["on-track", 2.1, null],
    ["behind", 4, "behind-but-confident"],
    ["behind", 3.9, null],
    ["behind", null, null],
    ["no-key-results", 1, null],
  ] as const)("KRs %s, team votes %s → %s", (status, mean, expected) => {
    expect(divergence(status, mean)).toBe(expected);
  });

  it.each([
    // The team against its lead, when the key results agree with neither.
    ["on-track", 1.5, 5, "on-track-but-struggling"],
    ["behind", 2, 4, "lead-confident-but-team-struggling"],
    ["on-track", 4.2, 2, "lead-worried-but-team-confident"],
    ["behind", 2, 3, null],
    // No shown votes (suppressed or none): the lead against the key results.
    ["behind", null, 4, "behind-but-lead-confident"],
    ["ahead", null, 1, "on-track-but-lead-worried"],
    ["behind", null, 2, null],
    ["on-track", null, null, null],
  ] as const)("KRs %s, team votes %s, lead %s → %s", (status, mean, lead, expected) => {
    expect(divergence(status, mean, lead)).toBe(expected);
  });
});

describe("waveWeeks", () => {
  it("lists the Monday-start weeks a wave touches, up to today", () => {
    expect(waveWeeks("2026-11-04", "2026-11-30")).toEqual(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(waveWeeks("2026-11-02", "2026-11-29", "2026-11-17")).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
  });
});

import { describe, expect, it } from "vitest";
import type { Cell, RawCell } from "../anonymity";
import { cellKey, dropFlags, orgHeatMap, sumCells, teamHeatMap } from "./heatmap";
import { divergence } from "./signals";
import { waveWeeks } from "./weeks";

const shown = (mean: number): Cell => ({ state: "shown", n: 5, mean });
const S: Cell = { state: "suppressed" };
const E: Cell = { state: "empty" };
const raw = (n: number, mean: number, answers = n): RawCell => ({ n, sum: mean * answers, answers });

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

describe("orgHeatMap", () => {
  const weeks = ["2026-11-02", "2026-11-09"];
  const teams = [
    { id: "a", name: "Atlas" },
    { id: "b", name: "Beacon" },
    { id: "c", name: "Comet" },
  ];

  it("suppresses a small team and, because the all-teams row is shown, the next-smallest too", () => {
    const teamWeek = new Map([
      [cellKey("a", weeks[0]), raw(9, 4, 18)],
      [cellKey("b", weeks[0]), raw(6, 3, 12)],
      [cellKey("c", weeks[0]), raw(3, 1, 6)],
      [cellKey("a", weeks[1]), raw(9, 4, 18)],
      [cellKey("b", weeks[1]), raw(7, 3.5, 14)],
    ]);
    const orgWeek = new Map(weeks.map((w) => [w, sumCells(teams.map((t) => teamWeek.get(cellKey(t.id, w))))]));
    const map = orgHeatMap({ weeks, teams, k: 5, teamWeek, orgWeek });
    expect(map.rows.map((r) => r.cells[0].state)).toEqual(["shown", "suppressed", "suppressed"]);
    expect(map.rows.map((r) => r.cells[1].state)).toEqual(["shown", "shown", "empty"]);
    expect(map.total.cells[0]).toEqual({ state: "shown", n: 18, mean: 3.2 });
  });

  it("shows the all-teams row from its own cell, and hides nobody to protect a total that is not shown", () => {
    const teamWeek = new Map([
      [cellKey("a", weeks[0]), raw(9, 4, 18)],
      [cellKey("c", weeks[0]), raw(3, 1, 6)],
    ]);
    const map = orgHeatMap({ weeks: [weeks[0]], teams, k: 5, teamWeek, orgWeek: new Map([[weeks[0], raw(4, 2, 8)]]) });
    expect(map.total.cells[0]).toEqual({ state: "suppressed" });
    expect(map.rows.map((r) => r.cells[0].state)).toEqual(["shown", "empty", "suppressed"]);
  });

  it("a single voter is suppressed, never shown as a number", () => {
    const one = raw(1, 5, 2);
    const map = orgHeatMap({ weeks: [weeks[0]], teams: [teams[0]], k: 5, teamWeek: new Map([[cellKey("a", weeks[0]), one]]), orgWeek: new Map([[weeks[0], one]]) });
    expect(map.rows[0].cells[0]).toEqual({ state: "suppressed" });
    expect(map.total.cells[0]).toEqual({ state: "suppressed" });
  });
});

describe("teamHeatMap", () => {
  it("treats the team's shown week as a total its objective cells must respect", () => {
    const week = "2026-11-09";
    const teamRow = { key: "a", label: "Atlas", cells: [shown(3.2)], drops: [false] };
    const map = teamHeatMap({
      weeks: [week],
      objectives: [
        { id: "o1", title: "One" },
        { id: "o2", title: "Two" },
        { id: "o3", title: "Three" },
      ],
      objectiveWeek: new Map([
        [cellKey("o1", week), raw(9, 4)],
        [cellKey("o2", week), raw(6, 3)],
        [cellKey("o3", week), raw(2, 1)],
      ]),
      teamRow,
      k: 5,
    });
    expect(map.rows.map((r) => r.cells[0].state)).toEqual(["shown", "suppressed", "suppressed"]);
  });
});

describe("a team week hidden by the org map", () => {
  it("hides the team's objective cells that week, even those with k votes", () => {
    const week = "2026-11-16";
    // Hidden at org level only because the org total would give a smaller team away.
    const teamRow = { key: "a", label: "Atlas", cells: [{ state: "suppressed" } as Cell], drops: [false] };
    const map = teamHeatMap({
      weeks: [week],
      objectives: [{ id: "o1", title: "Only objective" }],
      objectiveWeek: new Map([[cellKey("o1", week), raw(5, 2.6)]]),
      teamRow,
      k: 5,
    });
    expect(map.rows[0].cells[0]).toEqual({ state: "suppressed" });
    expect(map.total.cells[0]).toEqual({ state: "suppressed" });
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

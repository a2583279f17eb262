import { describe, expect, it } from "vitest";
import { formatAfter, formatAgo, formatDuration, helpMatrix, median, timingsByWave } from "./insights";

const H = 3_600_000;

describe("median", () => {
  it.each([
    { values: [], median: null },
    { values: [5], median: 5 },
    { values: [9, 1, 5], median: 5 },
    { values: [4, 1, 3, 2], median: 2.5 },
  ])("$values → $median", ({ values, median: m }) => {
    expect(median(values)).toBe(m);
  });
});

describe("formatDuration", () => {
  it.each([
    [20_000, "just now"],
    [40 * 60_000, "40 min"],
    [5 * H, "5 h"],
    [47 * H, "47 h"],
    [50 * H, "2 days"],
    [20 * 24 * H, "20 days"],
    [22 * 24 * H, "3 weeks"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatAgo and formatAfter", () => {
  it.each([
    [10_000, "just now", "within a minute"],
    [3 * H, "3 h ago", "after 3 h"],
    [72 * H, "3 days ago", "after 3 days"],
  ])("%d ms → %s, %s", (ms, ago, after) => {
    expect(formatAgo(ms)).toBe(ago);
    expect(formatAfter(ms)).toBe(after);
  });
});

describe("timingsByWave", () => {
  const boosts = [
    {
      waveId: "w7",
      createdAt: "2026-11-02T09:00:00Z",
      acceptedAt: "2026-11-02T13:00:00Z",
      resolvedAt: "2026-11-05T09:00:00Z",
      helperTeamId: "b",
    },
    { waveId: "w7", createdAt: "2026-11-03T09:00:00Z", acceptedAt: "2026-11-04T09:00:00Z", resolvedAt: null, helperTeamId: "c" },
    { waveId: "w7", createdAt: "2026-11-04T09:00:00Z", acceptedAt: null, resolvedAt: null, helperTeamId: null },
    // Resolved by the requester without anybody's help: no time-to-resolve sample.
    { waveId: "w7", createdAt: "2026-11-04T09:00:00Z", acceptedAt: null, resolvedAt: "2026-11-06T09:00:00Z", helperTeamId: null },
    {
      waveId: "w6",
      createdAt: "2026-10-01T09:00:00Z",
      acceptedAt: "2026-10-01T11:00:00Z",
      resolvedAt: "2026-10-02T09:00:00Z",
      helperTeamId: "a",
    },
    { waveId: null, createdAt: "2026-09-01T09:00:00Z", acceptedAt: null, resolvedAt: null, helperTeamId: null },
  ];

  it("gives counts and medians per wave, and no number for an empty set", () => {
    const rows = timingsByWave(boosts, [
      { id: "w7", name: "Wave 7" },
      { id: "w6", name: "Wave 6" },
      { id: "w5", name: "Wave 5" },
    ]);
    expect(rows).toEqual([
      { waveId: "w7", waveName: "Wave 7", requested: 4, accepted: 2, resolved: 1, medianToAcceptMs: 14 * H, medianToResolveMs: 72 * H },
      { waveId: "w6", waveName: "Wave 6", requested: 1, accepted: 1, resolved: 1, medianToAcceptMs: 2 * H, medianToResolveMs: 24 * H },
      { waveId: "w5", waveName: "Wave 5", requested: 0, accepted: 0, resolved: 0, medianToAcceptMs: null, medianToResolveMs: null },
    ]);
  });
});

describe("helpMatrix", () => {
  const teams = [
    { id: "a", name: "Payments" },
    { id: "b", name: "Platform" },
    { id: "c", name: "Data" },
    { id: "d", name: "Mobile" },
  ];

  it("counts accepted boosts per requesting × helping team and keeps only teams involved", () => {
    const m = helpMatrix(
      [
        { fromTeamId: "a", helperTeamId: "b" },
        { fromTeamId: "a", helperTeamId: "b" },
        { fromTeamId: "a", helperTeamId: "c" },
        { fromTeamId: "c", helperTeamId: "b" },
        { fromTeamId: "d", helperTeamId: null },
      ],
      teams,
    );
    expect(m.requesters.map((t) => t.name)).toEqual(["Payments", "Data"]);
    expect(m.helpers.map((t) => t.name)).toEqual(["Platform", "Data"]);
    expect(m.counts).toEqual([
      [2, 1],
      [1, 0],
    ]);
    expect(m.max).toBe(2);
  });

  it("is empty when nobody helped yet", () => {
    expect(helpMatrix([{ fromTeamId: "a", helperTeamId: null }], teams)).toEqual({ requesters: [], helpers: [], counts: [], max: 0 });
  });
});

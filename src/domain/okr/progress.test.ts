import { describe, expect, it } from "vitest";
import { formatValue, keyResultProgress, meanProgress, progressStatus, supportReasons } from "./progress";

describe("keyResultProgress", () => {
  it.each([
    { name: "at baseline", kr: { baseline: 10, target: 20, current: 10 }, progress: 0 },
    { name: "half way up", kr: { baseline: 10, target: 20, current: 15 }, progress: 50 },
    { name: "at target", kr: { baseline: 10, target: 20, current: 20 }, progress: 100 },
    { name: "overshooting is clamped", kr: { baseline: 10, target: 20, current: 35 }, progress: 100 },
    { name: "going backwards is clamped", kr: { baseline: 10, target: 20, current: 4 }, progress: 0 },
    { name: "decreasing target, half way (churn 8% → 5%)", kr: { baseline: 8, target: 5, current: 6.5 }, progress: 50 },
    { name: "decreasing target, met", kr: { baseline: 8, target: 5, current: 5 }, progress: 100 },
    { name: "decreasing target, beaten", kr: { baseline: 8, target: 5, current: 3 }, progress: 100 },
    { name: "decreasing target, got worse", kr: { baseline: 8, target: 5, current: 9 }, progress: 0 },
    { name: "negative numbers", kr: { baseline: -10, target: 0, current: -2.5 }, progress: 75 },
    { name: "one decimal", kr: { baseline: 0, target: 3, current: 1 }, progress: 33.3 },
  ])("$name → $progress", ({ kr, progress }) => {
    expect(keyResultProgress(kr)).toBe(progress);
  });
});

describe("meanProgress and progressStatus", () => {
  it("averages key results and has no value without any", () => {
    expect(meanProgress([0, 50, 100])).toBe(50);
    expect(meanProgress([])).toBeNull();
  });

  it.each([
    [null, 50, "no-key-results"],
    [39.9, 50, "behind"],
    [40, 50, "on-track"],
    [60, 50, "on-track"],
    [60.1, 50, "ahead"],
  ] as const)("progress %s vs expected %s is %s", (progress, expected, status) => {
    expect(progressStatus(progress, expected)).toBe(status);
  });
});

describe("supportReasons", () => {
  it.each([
    { name: "on track with a recent check-in", input: { progress: 50, expected: 50, daysSinceCheckIn: 2, daysElapsed: 20 }, reasons: [] },
    { name: "behind", input: { progress: 10, expected: 50, daysSinceCheckIn: 1, daysElapsed: 20 }, reasons: ["behind"] },
    {
      name: "silent for 7 days",
      input: { progress: 50, expected: 50, daysSinceCheckIn: 7, daysElapsed: 20 },
      reasons: ["no-recent-check-in"],
    },
    { name: "silent for 6 days", input: { progress: 50, expected: 50, daysSinceCheckIn: 6, daysElapsed: 20 }, reasons: [] },
    {
      name: "never checked in, wave 3 days old",
      input: { progress: null, expected: 5, daysSinceCheckIn: null, daysElapsed: 3 },
      reasons: [],
    },
    {
      name: "never checked in, wave 7 days old",
      input: { progress: 0, expected: 20, daysSinceCheckIn: null, daysElapsed: 7 },
      reasons: ["behind", "no-recent-check-in"],
    },
  ] as const)("$name", ({ input, reasons }) => {
    expect(supportReasons(input)).toEqual(reasons);
  });
});

describe("formatValue", () => {
  it.each([
    [42, "%", "42%"],
    [3.456, "days", "3.46 days"],
    [120, "", "120"],
  ] as const)("%d %s → %s", (v, u, s) => {
    expect(formatValue(v, u)).toBe(s);
  });
});

import { describe, expect, it } from "vitest";
import { canMoveWave, reflectionOpen, reopenProblem, waveCalendar, waveDatesProblem } from "./wave";

describe("waveDatesProblem", () => {
  it.each([
    { startsOn: "2026-11-02", endsOn: "2026-11-15", problem: null },
    { startsOn: "2026-11-02", endsOn: "2026-12-13", problem: null },
    { startsOn: "2026-11-02", endsOn: "2026-11-14", problem: "A wave lasts at least 2 weeks; these dates give 13 days." },
    { startsOn: "2026-11-02", endsOn: "2026-12-14", problem: "A wave lasts at most 6 weeks; these dates give 43 days." },
    { startsOn: "2026-11-02", endsOn: "2026-11-02", problem: "A wave lasts at least 2 weeks; these dates give 1 day." },
    { startsOn: "2026-11-02", endsOn: "2026-10-30", problem: "The end date must be after the start date." },
  ])("$startsOn → $endsOn", ({ startsOn, endsOn, problem }) => {
    expect(waveDatesProblem({ startsOn, endsOn })).toBe(problem);
  });
});

describe("waveCalendar", () => {
  const wave = { startsOn: "2026-11-02", endsOn: "2026-11-29" }; // 28 days
  it.each([
    { today: "2026-10-31", elapsed: 0, remaining: 28, expected: 0, phase: "upcoming" },
    { today: "2026-11-02", elapsed: 0, remaining: 28, expected: 0, phase: "running" },
    { today: "2026-11-09", elapsed: 7, remaining: 21, expected: 25, phase: "running" },
    { today: "2026-11-16", elapsed: 14, remaining: 14, expected: 50, phase: "running" },
    { today: "2026-11-29", elapsed: 27, remaining: 1, expected: 96.4, phase: "running" },
    { today: "2026-11-30", elapsed: 28, remaining: 0, expected: 100, phase: "ended" },
    { today: "2027-01-01", elapsed: 28, remaining: 0, expected: 100, phase: "ended" },
  ])("on $today", ({ today, elapsed, remaining, expected, phase }) => {
    expect(waveCalendar(wave, today)).toEqual({
      daysTotal: 28,
      daysElapsed: elapsed,
      daysRemaining: remaining,
      expectedProgress: expected,
      phase,
    });
  });
});

describe("canMoveWave", () => {
  it.each([
    ["draft", "active", true],
    ["active", "completed", true],
    ["draft", "completed", false],
    // Reopening a wave completed by mistake (until its last day: reopenProblem).
    ["completed", "active", true],
    ["completed", "draft", false],
    ["active", "draft", false],
  ] as const)("%s → %s: %s", (from, to, ok) => {
    expect(canMoveWave(from, to)).toBe(ok);
  });
});

describe("reopenProblem", () => {
  const w = { startsOn: "2026-11-02", endsOn: "2026-11-29" };
  it("lets a wave completed early reopen until its last day, and not after", () => {
    expect(reopenProblem(w, "2026-11-16")).toBeNull();
    expect(reopenProblem(w, "2026-11-29")).toBeNull();
    expect(reopenProblem(w, "2026-11-30")).toMatch(/last day has passed/);
  });
});

describe("reflectionOpen", () => {
  const wave = { startsOn: "2026-12-07", endsOn: "2027-01-03" };
  it.each([
    { state: "draft", today: "2027-01-01", open: false },
    { state: "active", today: "2026-12-07", open: false },
    { state: "active", today: "2026-12-27", open: false },
    { state: "active", today: "2026-12-28", open: true },
    { state: "active", today: "2027-01-03", open: true },
    { state: "completed", today: "2026-12-10", open: true },
  ] as const)("$state on $today: $open", ({ state, today, open }) => {
    expect(reflectionOpen({ ...wave, state }, today)).toBe(open);
  });
});

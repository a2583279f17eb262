import { describe, expect, it } from "vitest";
import { movePlanToProgress, planCount, type PppDraft } from "./draft";
import { pppReminderDue } from "./reminder";
import { currentWeek, pppWeekProblem, recentWeeks, weekLabel } from "./week";

describe("PPP weeks", () => {
  it.each([
    // Monday 00:30 in Berlin is still Sunday in UTC: the org's zone decides the week.
    { now: "2026-11-15T23:30:00Z", tz: "Europe/Berlin", week: "2026-11-16" },
    { now: "2026-11-15T23:30:00Z", tz: "UTC", week: "2026-11-09" },
    { now: "2026-11-20T10:00:00Z", tz: "America/Los_Angeles", week: "2026-11-16" },
    { now: "2027-01-01T12:00:00Z", tz: "UTC", week: "2026-12-28" },
  ])("$now in $tz is in the week of $week", ({ now, tz, week }) => {
    expect(currentWeek(new Date(now), tz)).toBe(week);
  });

  it.each([
    { week: "2026-11-16", problem: null },
    { week: "2026-11-09", problem: null },
    { week: "2026-08-24", problem: null }, // 12 weeks back: still a late PPP
    { week: "2026-08-17", problem: "up to 12 weeks late" },
    { week: "2026-11-23", problem: "has not started" },
  ])("in the week of 2026-11-16, a PPP for $week: $problem", ({ week, problem }) => {
    const found = pppWeekProblem(week, "2026-11-16");
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it("labels and lists weeks", () => {
    expect(weekLabel("2026-11-16")).toBe("week of 16 Nov");
    expect(weekLabel("2025-12-29", "2026-01-05")).toBe("week of 29 Dec 2025");
    expect(recentWeeks("2026-11-16", 3)).toEqual(["2026-11-16", "2026-11-09", "2026-11-02"]);
  });
});

describe("the due reminder", () => {
  it.each([
    { weekday: 4, hour: 23, due: 5, sends: false },
    { weekday: 5, hour: 8, due: 5, sends: false },
    { weekday: 5, hour: 9, due: 5, sends: true },
    { weekday: 6, hour: 0, due: 5, sends: true },
    { weekday: 7, hour: 22, due: 5, sends: true },
    { weekday: 1, hour: 9, due: 1, sends: true },
    { weekday: 1, hour: 8, due: 1, sends: false },
    { weekday: 6, hour: 12, due: 7, sends: false },
  ])("weekday $weekday at $hour:00 with the PPP due on day $due: $sends", ({ weekday, hour, due, sends }) => {
    expect(pppReminderDue({ weekday, hour }, due)).toBe(sends);
  });
});

describe("moving a plan to Progress", () => {
  const draft: PppDraft = {
    progress: [{ text: "Shipped retries" }],
    plans: [{ text: "New plan" }],
    problems: [],
    notes: "",
    reviews: { t1: "carried", t2: "carried" },
  };

  it("marks the plan done and appends it to Progress once", () => {
    const moved = movePlanToProgress(draft, { thread: "t2", text: "Card vault migration", objectiveId: "o1" });
    expect(moved.reviews).toEqual({ t1: "carried", t2: "done" });
    expect(moved.progress).toEqual([{ text: "Shipped retries" }, { text: "Card vault migration", objectiveId: "o1" }]);
    expect(movePlanToProgress(moved, { thread: "t2", text: "Card vault migration ", objectiveId: "o1" }).progress).toHaveLength(2);
    expect(draft.progress).toHaveLength(1);
  });

  it("counts carried plans among this week's plans", () => {
    expect(planCount(draft)).toBe(3);
    expect(planCount(movePlanToProgress(draft, { thread: "t1", text: "x", objectiveId: null }))).toBe(2);
  });
});

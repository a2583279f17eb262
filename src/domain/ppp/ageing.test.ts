import { describe, expect, it } from "vitest";
import { offersBoost, openText, plansDone, postponedText, weeksOpen, type PlanOutcome } from "./ageing";

describe("weeksOpen and the boost offer", () => {
  it.each([
    { since: "2026-11-16", week: "2026-11-16", open: 1, text: "new this week", boost: false },
    { since: "2026-11-09", week: "2026-11-16", open: 2, text: "open 2 weeks", boost: true },
    { since: "2026-11-02", week: "2026-11-16", open: 3, text: "open 3 weeks", boost: true },
    { since: "2026-12-28", week: "2027-01-11", open: 3, text: "open 3 weeks", boost: true },
    // A week skipped in between still counts: the problem was open all along.
    { since: "2026-10-19", week: "2026-11-16", open: 5, text: "open 5 weeks", boost: true },
    // A later week than the one shown (an edited older PPP) never reads as less than new.
    { since: "2026-11-23", week: "2026-11-16", open: 1, text: "new this week", boost: false },
  ])("raised in the week of $since, seen in the week of $week: $text", ({ since, week, open, text, boost }) => {
    expect(weeksOpen(since, week)).toBe(open);
    expect(openText(since, week)).toBe(text);
    expect(offersBoost(since, week)).toBe(boost);
  });
});

describe("postponed plans", () => {
  it.each([
    { since: "2026-11-16", week: "2026-11-16", text: "" },
    { since: "2026-11-09", week: "2026-11-16", text: "postponed" },
    { since: "2026-11-02", week: "2026-11-16", text: "postponed twice" },
    { since: "2026-10-26", week: "2026-11-16", text: "postponed 3 times" },
  ])("first planned $since, carried into $week: '$text'", ({ since, week, text }) => {
    expect(postponedText(since, week)).toBe(text);
  });
});

describe("plansDone", () => {
  it.each<{ outcomes: PlanOutcome[]; done: number; carried: number; percent: number | null }>([
    { outcomes: [], done: 0, carried: 0, percent: null },
    { outcomes: ["done"], done: 1, carried: 0, percent: 100 },
    { outcomes: ["carried"], done: 0, carried: 1, percent: 0 },
    { outcomes: ["done", "carried", "done"], done: 2, carried: 1, percent: 67 },
    { outcomes: ["done", "carried", "carried"], done: 1, carried: 2, percent: 33 },
    { outcomes: ["done", "done", "carried", "carried"], done: 2, carried: 2, percent: 50 },
  ])("$outcomes → $percent%", ({ outcomes, done, carried, percent }) => {
    expect(plansDone(outcomes)).toEqual({ done, carried, percent });
  });
});

import { daysBetween } from "../calendar";

/**
 * How plans and problems age from one weekly PPP to the next. A plan or problem that comes
 * back keeps the week it first appeared (`sinceWeek`); weeks are Mondays (YYYY-MM-DD).
 */

/** A problem open this many weeks or more is offered as a boost request. */
export const BOOST_OFFER_WEEKS = 2;

export type PlanOutcome = "done" | "carried";

/** Weeks open in `week`, counting the week it appeared: 1 when it is new this week. */
export function weeksOpen(sinceWeek: string, week: string): number {
  return Math.max(1, Math.floor(daysBetween(sinceWeek, week) / 7) + 1);
}

/** True when a problem has been open long enough to ask another team for help. */
export function offersBoost(sinceWeek: string, week: string): boolean {
  return weeksOpen(sinceWeek, week) >= BOOST_OFFER_WEEKS;
}

/** A plan is postponed when it first appeared in an earlier week and was carried over since. */
export function postponedWeeks(sinceWeek: string, week: string): number {
  return weeksOpen(sinceWeek, week) - 1;
}

export interface PlansDone {
  done: number;
  carried: number;
  /** done / (done + carried), 0–100 rounded to a whole number; null when nothing was planned. */
  percent: number | null;
}

/** Plans-done share of the previous week's plans, from this week's verdict on each. */
export function plansDone(outcomes: readonly PlanOutcome[]): PlansDone {
  return plansDoneOf(outcomes.filter((o) => o === "done").length, outcomes.length);
}

/** The same from counts: `done` of `reviewed` plans (as SQL counts them). */
export function plansDoneOf(done: number, reviewed: number): PlansDone {
  return { done, carried: reviewed - done, percent: reviewed === 0 ? null : Math.round((done / reviewed) * 100) };
}

/** "new this week", "open 2 weeks", … for a problem. */
export function openText(sinceWeek: string, week: string): string {
  return weeksOpenText(weeksOpen(sinceWeek, week));
}

/** The same from a count of weeks (1 = new this week). */
export function weeksOpenText(weeks: number): string {
  return weeks <= 1 ? "new this week" : `open ${weeks} weeks`;
}

/** "postponed", "postponed twice", "postponed 3 times" for a carried plan; "" for a new one. */
export function postponedText(sinceWeek: string, week: string): string {
  const n = postponedWeeks(sinceWeek, week);
  if (n <= 0) return "";
  return n === 1 ? "postponed" : n === 2 ? "postponed twice" : `postponed ${n} times`;
}

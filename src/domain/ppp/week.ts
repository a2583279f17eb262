import { addDays, daysBetween, formatDay, localDate, weekStart } from "../calendar";

/** A PPP has at most this many items of each kind (Progress, Plans, Problems). */
export const PPP_MAX_ITEMS = 5;

/** How many weeks back a late PPP may still be posted. */
export const LATE_PPP_WEEKS = 12;

/** The Monday (YYYY-MM-DD) of the week `now` falls in, in the org's time zone. */
export function currentWeek(now: Date, timeZone: string): string {
  return weekStart(localDate(now, timeZone));
}

/**
 * Why a lead cannot write a PPP for `week` (a Monday) when the current week is `current`, or
 * null when they can: this week and up to LATE_PPP_WEEKS earlier ones are open.
 */
export function pppWeekProblem(week: string, current: string): string | null {
  const ahead = daysBetween(current, week);
  if (ahead > 0) return "That week has not started yet. Write the PPP for this week or a past one.";
  if (-ahead > LATE_PPP_WEEKS * 7) return `PPPs can be posted up to ${LATE_PPP_WEEKS} weeks late; that week is further back.`;
  return null;
}

/** "week of 16 Nov" (or with the year when it is not the current year of `current`). */
export function weekLabel(week: string, current = week): string {
  return `week of ${formatDay(week, week.slice(0, 4) !== current.slice(0, 4))}`;
}

/** The weeks from `current` back, newest first: [current, current − 7, …] (count weeks). */
export function recentWeeks(current: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(current, -7 * i));
}

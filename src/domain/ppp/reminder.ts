/**
 * When the PPP due reminder goes out: on the org's due weekday from this hour on (org time
 * zone), and on the days after it in the same week for a run that missed the due day.
 */
export const PPP_REMINDER_HOUR = 9;

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** `local` is the wall clock in the org's time zone (weekday 1 = Monday … 7 = Sunday, hour 0–23). */
export function pppReminderDue(local: { weekday: number; hour: number }, dueWeekday: number): boolean {
  return local.weekday > dueWeekday || (local.weekday === dueWeekday && local.hour >= PPP_REMINDER_HOUR);
}

/** "Friday" for 5. */
export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday - 1] ?? "Friday";
}

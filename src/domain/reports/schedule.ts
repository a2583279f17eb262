import { weekStart } from "../calendar";

/**
 * When an org's emails are due. The hourly job asks this for every org with the org's own
 * wall clock: on the chosen weekday, at or after the chosen hour (so a missed hourly run is
 * made up later that day), once per week thanks to the outbox's idempotency keys.
 */

export interface EmailSchedule {
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  reportWeekday: number;
  /** 0–23 in the org's time zone. */
  reportHour: number;
  /** The voting day: the pulse reminder goes out then, at reportHour. */
  pulseWeekday: number;
}

export interface DueEmails {
  /** Monday of the org's current week: part of every idempotency key. */
  week: string;
  reports: boolean;
  pulseReminder: boolean;
}

export function dueEmails(schedule: EmailSchedule, local: { date: string; weekday: number; hour: number }): DueEmails {
  const onTime = local.hour >= schedule.reportHour;
  return {
    week: weekStart(local.date),
    reports: onTime && local.weekday === schedule.reportWeekday,
    pulseReminder: onTime && local.weekday === schedule.pulseWeekday,
  };
}

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

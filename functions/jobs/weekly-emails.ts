import { zonedParts } from "../../src/domain/calendar";
import { dueEmails } from "../../src/domain/reports/schedule";
import { listScheduledOrgs } from "../db/report-schedules";
import { enqueuePulseReminders } from "../services/pulse-reminders";
import { enqueueWeeklyReports } from "../services/weekly-reports";

export interface WeeklyEmailsSummary {
  orgsDue: number;
  reports: number;
  pulseReminders: number;
}

/**
 * The hourly job: for each org, read its own wall clock and enqueue what is due. Idempotency
 * keys per org, recipient, kind and week make a second run (or an overlapping one) enqueue
 * nothing; the outbox flush that follows sends what was enqueued.
 */
export async function runWeeklyEmails(env: Env, now: Date): Promise<WeeklyEmailsSummary> {
  const summary: WeeklyEmailsSummary = { orgsDue: 0, reports: 0, pulseReminders: 0 };
  for (const org of await listScheduledOrgs(env.DB)) {
    const due = dueEmails(
      { reportWeekday: org.report_weekday, reportHour: org.report_hour, pulseWeekday: org.pulse_weekday },
      zonedParts(now, org.time_zone),
    );
    if (!due.reports && !due.pulseReminder) continue;
    summary.orgsDue += 1;
    if (due.reports) summary.reports += await enqueueWeeklyReports(env.DB, org, due.week, env.PUBLIC_URL, now);
    if (due.pulseReminder) summary.pulseReminders += await enqueuePulseReminders(env.DB, org, due.week, env.PUBLIC_URL, now);
  }
  return summary;
}

import { runFlushOutbox } from "./flush-outbox";
import { runPppReminders } from "./ppp-reminders";
import { runPurgePulseGuards } from "./purge-pulse-guards";
import { runWeeklyEmails } from "./weekly-emails";

/**
 * Everything the hourly cron does, in order. Each job is idempotent, so a repeated or
 * overlapping run changes nothing twice.
 */
export async function runScheduledJobs(env: Env, now: Date): Promise<Record<string, unknown>> {
  const purgedGuards = await runPurgePulseGuards(env, now);
  const weekly = await runWeeklyEmails(env, now);
  const pppReminders = await runPppReminders(env, now);
  const flushed = await runFlushOutbox(env, now);
  return { weekly, pppReminders, flushed, purgedGuards };
}

import { runFlushOutbox } from "./flush-outbox";
import { runPppReminders } from "./ppp-reminders";

/**
 * Everything the hourly cron does, in order. Each job is idempotent, so a repeated or
 * overlapping run changes nothing twice.
 */
export async function runScheduledJobs(env: Env, now: Date): Promise<Record<string, unknown>> {
  const pppReminders = await runPppReminders(env, now);
  const flushed = await runFlushOutbox(env, now);
  return { flushed, pppReminders };
}

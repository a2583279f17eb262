import { runFlushOutbox } from "./flush-outbox";
import { runFlushWebhooks } from "./flush-webhooks";
import { runPppReminders } from "./ppp-reminders";
import { runPurgeExpiredAccess } from "./purge-expired-access";
import { runPurgePulseGuards } from "./purge-pulse-guards";
import { runWeeklyEmails } from "./weekly-emails";

export interface ScheduledJob {
  name: string;
  run: (env: Env, now: Date) => Promise<unknown>;
}

/**
 * Everything the hourly cron does, in order: the jobs that enqueue email come before the
 * outbox flush so their messages go out in the same run. Each job is idempotent, so a repeated
 * or overlapping run changes nothing twice.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  { name: "purgedGuards", run: runPurgePulseGuards },
  { name: "purgedAccess", run: runPurgeExpiredAccess },
  { name: "weekly", run: runWeeklyEmails },
  { name: "pppReminders", run: runPppReminders },
  { name: "flushed", run: runFlushOutbox },
  { name: "webhooks", run: runFlushWebhooks },
];

/**
 * Runs each job on its own: one that throws is logged and reported as `{ error }` in the
 * summary, and the others still run (a failing report must not hold back the outbox flush).
 */
export async function runScheduledJobs(
  env: Env,
  now: Date,
  jobs: readonly ScheduledJob[] = SCHEDULED_JOBS,
): Promise<Record<string, unknown>> {
  const summary: Record<string, unknown> = {};
  for (const job of jobs) {
    try {
      summary[job.name] = await job.run(env, now);
    } catch (error) {
      console.error(JSON.stringify({ job: job.name, error: String(error instanceof Error ? error.message : error) }));
      summary[job.name] = { error: "failed" };
    }
  }
  return summary;
}

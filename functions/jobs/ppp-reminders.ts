import { queuePppReminders } from "../services/ppp-reminders";

/** Queues the PPP due reminders; the outbox flush that runs after it sends them. */
export async function runPppReminders(env: Env, now: Date): Promise<{ orgs: number; reminders: number }> {
  return queuePppReminders(env.DB, env.PUBLIC_URL, now);
}

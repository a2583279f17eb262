import { purgeWebhookDeliveries } from "../db/webhooks";
import { flushWebhooks } from "../services/webhooks";

/** How long a finished delivery stays listed before it is forgotten. */
export const WEBHOOK_DELIVERY_KEEP_DAYS = 30;

/** Sends every due webhook delivery (failed ones wait for their backoff) and forgets finished ones older than 30 days. */
export async function runFlushWebhooks(env: Env, now: Date) {
  const sent = await flushWebhooks(env.DB, (url, init) => fetch(url, init), now);
  const purged = await purgeWebhookDeliveries(env.DB, new Date(now.getTime() - WEBHOOK_DELIVERY_KEEP_DAYS * 86_400_000).toISOString());
  return { ...sent, purged };
}

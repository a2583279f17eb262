import { flushWebhooks } from "../services/webhooks";

/** Sends every due webhook delivery; failed ones wait for their backoff. */
export async function runFlushWebhooks(env: Env, now: Date) {
  return flushWebhooks(env.DB, (url, init) => fetch(url, init), now);
}

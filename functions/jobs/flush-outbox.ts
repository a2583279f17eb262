import { transportFor } from "../email/transport";
import { flushOutbox, type FlushResult } from "../services/outbox";

/** Sends every due outbox message; retries wait for their backoff. */
export async function runFlushOutbox(env: Env, now: Date): Promise<FlushResult> {
  return flushOutbox(env.DB, transportFor(env), now);
}

/** Email delivery policy: retries with exponential backoff, then give up visibly. */

/** Attempts before a message is marked failed for good. */
export const MAX_SEND_ATTEMPTS = 6;
/** Delay before the first retry, in minutes; doubles each time (5, 10, 20, 40, 80). */
export const FIRST_RETRY_MINUTES = 5;

/**
 * When to try again after `attempts` failed attempts (1 = the first try failed), or null once
 * MAX_SEND_ATTEMPTS have been made.
 */
export function nextRetryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_SEND_ATTEMPTS) return null;
  const minutes = FIRST_RETRY_MINUTES * 2 ** Math.max(0, attempts - 1);
  return new Date(now.getTime() + minutes * 60_000);
}

/** Hides an address that must not be kept after its one email: "jane@example.com" → "j•••@example.com". */
export function maskEmailAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${address[0]}•••${address.slice(at)}`;
}

import { deleteExpiredSessions } from "../db/sessions";
import { deleteStaleLinks } from "../db/sign-in-links";

/**
 * Deletes sessions past their expiry and sign-in links past theirs (used or not): neither can
 * sign anyone in any more, and keeping them would only keep who signed in when.
 */
export async function runPurgeExpiredAccess(env: Env, now: Date): Promise<{ sessions: number; signInLinks: number }> {
  const at = now.toISOString();
  const [sessions, signInLinks] = await Promise.all([deleteExpiredSessions(env.DB, at), deleteStaleLinks(env.DB, at)]);
  return { sessions, signInLinks };
}

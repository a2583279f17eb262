import { addDays } from "../../src/domain/calendar";
import { pulseWeek } from "../../src/domain/pulse/weeks";
import { deleteGuardsBefore } from "../db/pulse";

/**
 * Deletes the once-per-week guards of weeks that are over everywhere (older than last week in
 * UTC, which covers every time zone). After that nothing remembers which objectives a
 * credential rated; the vote rows never knew.
 */
export async function runPurgePulseGuards(env: Env, now: Date): Promise<number> {
  return deleteGuardsBefore(env.DB, addDays(pulseWeek(now, "UTC"), -7));
}

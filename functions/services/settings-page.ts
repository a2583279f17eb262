/**
 * The settings page (admins): what its forms show (the PPP due day, the declared headcount)
 * and the active wave that locks the time zone and headcount, in one batch after the access check.
 */
import { orgHeadcountStatement } from "../db/orgs";
import { pppDueWeekdayStatement } from "../db/ppp-settings";
import { batch } from "../db/typed";
import { activeWaveStatement, type WaveRow } from "../db/waves";
import { requireAdmin, type OrgAccess } from "./access";

export interface SettingsPage {
  /** 1 = Monday … 7 = Sunday (Friday unless an admin changed it). */
  pppDueWeekday: number;
  /** Null when never declared. */
  headcount: number | null;
  activeWave: WaveRow | null;
}

export async function getSettingsPage(db: D1Database, access: OrgAccess): Promise<SettingsPage> {
  requireAdmin(access);
  const [due, headcount, wave] = await batch(db, [
    pppDueWeekdayStatement(db, access.org.id),
    orgHeadcountStatement(db, access.org.id),
    activeWaveStatement(db, access.org.id),
  ]);
  return {
    pppDueWeekday: due.results[0]?.ppp_due_weekday ?? 5,
    headcount: headcount.results[0]?.headcount ?? null,
    activeWave: wave.results[0] ?? null,
  };
}

import { orgSettingsSchema } from "../../src/schemas/org";
import { updateOrgSettings } from "../db/orgs";
import { updatePppDueWeekday } from "../db/ppp-settings";
import { findActiveWave } from "../db/waves";
import { AppError } from "./errors";
import { requireAdmin, type OrgAccess } from "./access";
import { parseInput } from "./validate";

export async function saveOrgSettings(db: D1Database, access: OrgAccess, input: unknown): Promise<void> {
  requireAdmin(access);
  const data = parseInput(orgSettingsSchema, input);
  if (data.timeZone !== access.org.time_zone) {
    // The time zone sets where each pulse week starts and ends; moved during a wave, a week
    // could end early or twice, and the boundary could be slid past one person's vote.
    const active = await findActiveWave(db, access.org.id);
    if (active) {
      const issue = `The time zone is locked while ${active.name} is active: it decides which week a vote counts in. Change it between waves.`;
      throw new AppError(409, "conflict", issue, [{ field: "timeZone", issue }]);
    }
  }
  await updateOrgSettings(db, access.org.id, data.name, data.timeZone, data.headcount ?? null);
  if (data.pppDueWeekday !== undefined) await updatePppDueWeekday(db, access.org.id, data.pppDueWeekday);
}

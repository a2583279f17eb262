import { orgSettingsSchema } from "../../src/schemas/org";
import { findOrgHeadcount, updateOrgSettings } from "../db/orgs";
import { updatePppDueWeekday } from "../db/ppp-settings";
import { requireAdmin, type OrgAccess } from "./access";
import { parseInput } from "./validate";

export async function saveOrgSettings(db: D1Database, access: OrgAccess, input: unknown): Promise<void> {
  requireAdmin(access);
  const data = parseInput(orgSettingsSchema, input);
  await updateOrgSettings(db, access.org.id, data.name, data.timeZone, data.headcount ?? null);
  if (data.pppDueWeekday !== undefined) await updatePppDueWeekday(db, access.org.id, data.pppDueWeekday);
}

/** The declared headcount the settings form shows; null when never set. */
export async function getOrgHeadcount(db: D1Database, access: OrgAccess): Promise<number | null> {
  return findOrgHeadcount(db, access.org.id);
}

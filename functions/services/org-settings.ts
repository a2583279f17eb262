import { orgSettingsSchema } from "../../src/schemas/org";
import { updateOrgSettings } from "../db/orgs";
import { requireAdmin, type OrgAccess } from "./access";
import { parseInput } from "./validate";

export async function saveOrgSettings(db: D1Database, access: OrgAccess, input: unknown): Promise<void> {
  requireAdmin(access);
  const data = parseInput(orgSettingsSchema, input);
  await updateOrgSettings(db, access.org.id, data.name, data.timeZone);
}

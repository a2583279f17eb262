import { anonymityKSchema } from "../../src/schemas/pulse";
import { updateOrgAnonymityK } from "../db/orgs";
import { findActiveWave } from "../db/waves";
import { requireAdmin, type OrgAccess } from "./access";
import { conflict } from "./errors";
import { parseInput } from "./validate";

/**
 * Sets the org's anonymity threshold k (3–10). Locked while a wave is active: changing it
 * mid-wave would let someone lower it to read cells that were hidden last week.
 */
export async function setAnonymityThreshold(db: D1Database, access: OrgAccess, input: unknown): Promise<void> {
  requireAdmin(access);
  const { anonymityK } = parseInput(anonymityKSchema, input);
  const active = await findActiveWave(db, access.org.id);
  if (active) throw conflict(`The threshold is locked while ${active.name} is active. Change it between waves.`);
  await updateOrgAnonymityK(db, access.org.id, anonymityK);
}

import { teamAddressesSchema } from "../../src/schemas/addresses";
import { listTeamAddresses, replaceTeamAddressesStatements } from "../db/team-addresses";
import { requireTeamActor, type OrgAccess } from "./access";
import { getTeam } from "./teams";
import { parseInput } from "./validate";

/** The team's member addresses for the pulse reminder: for its lead and the org's admins only. */
export async function getTeamAddresses(db: D1Database, access: OrgAccess, teamId: string): Promise<string[]> {
  const team = await getTeam(db, access, teamId);
  requireTeamActor(access, team.id);
  return listTeamAddresses(db, access.org.id, team.id);
}

export async function saveTeamAddresses(db: D1Database, access: OrgAccess, teamId: string, input: unknown, now: Date): Promise<string[]> {
  const team = await getTeam(db, access, teamId);
  requireTeamActor(access, team.id);
  const { addresses } = parseInput(teamAddressesSchema, input);
  // Who is on the list is shown on every personal link page, with the day it last changed.
  const current = await listTeamAddresses(db, access.org.id, team.id);
  if (current.join("\n") === addresses.join("\n")) return addresses;
  await db.batch(replaceTeamAddressesStatements(db, access.org.id, team.id, addresses, now.toISOString()));
  return addresses;
}

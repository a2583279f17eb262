import { teamAddressesSchema } from "../../src/schemas/addresses";
import { listTeamAddresses, replaceTeamAddressesStatements, teamAddressesStatement } from "../db/team-addresses";
import { teamStatement } from "../db/teams";
import { batch } from "../db/typed";
import { isId } from "../../src/schemas/fields";
import { notFound } from "./errors";
import { requireTeamActor, type OrgAccess } from "./access";
import { getTeam } from "./teams";
import { parseInput } from "./validate";

/** The team's member addresses for the pulse reminder: for its lead and the org's admins only. */
export async function getTeamAddresses(db: D1Database, access: OrgAccess, teamId: string): Promise<string[]> {
  if (!isId(teamId)) throw notFound("That team");
  const [team, addresses] = await batch(db, [teamStatement(db, access.org.id, teamId), teamAddressesStatement(db, access.org.id, teamId)]);
  if (!team.results[0]) throw notFound("That team");
  requireTeamActor(access, teamId);
  return addresses.results.map((r) => r.email);
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

import { DEFAULT_ANONYMITY_K } from "../../../src/domain/anonymity";
import { insertMembershipStatement, insertOrgStatement, type OrgRow } from "../../db/orgs";
import { upsertPersonStatements, type PersonRow } from "../../db/people";
import type { OrgAccess } from "../access";
import { randomToken } from "../tokens";

/** Where `npm start` serves the demo: the links in the demo's emails point here. */
export const DEMO_ORIGIN = "http://localhost:8787";

/**
 * Creates an org with its admin directly (seeding skips the emailed link) and returns the
 * admin's access, so the rest of the seed goes through the same services as people do.
 */
export async function createSeedOrg(
  db: D1Database,
  org: { slug: string; name: string; timeZone: string },
  admin: { email: string; name: string },
  now: Date,
): Promise<OrgAccess> {
  const at = now.toISOString();
  const row: OrgRow = {
    id: randomToken(16),
    slug: org.slug,
    name: org.name,
    time_zone: org.timeZone,
    anonymity_k: DEFAULT_ANONYMITY_K,
    created_at: at,
  };
  const person = await seedPerson(db, admin.email, admin.name, at);
  await db.batch([
    insertOrgStatement(db, row),
    insertMembershipStatement(db, { org_id: row.id, person_id: person.id, role: "admin", team_id: null }, at),
  ]);
  return { org: row, viewer: { personId: person.id, email: person.email, name: person.name }, role: "admin", teamId: null, isAdmin: true };
}

export async function seedPerson(db: D1Database, email: string, name: string, at: string): Promise<PersonRow> {
  const [, select] = await db.batch<PersonRow>(upsertPersonStatements(db, { id: randomToken(16), email, name, created_at: at }));
  return select.results[0];
}

/** Makes the person the lead of the team and returns their access. */
export async function seedLead(
  db: D1Database,
  admin: OrgAccess,
  teamId: string,
  email: string,
  name: string,
  at: string,
): Promise<OrgAccess> {
  const person = await seedPerson(db, email, name, at);
  await insertMembershipStatement(db, { org_id: admin.org.id, person_id: person.id, role: "lead", team_id: teamId }, at).run();
  return { org: admin.org, viewer: { personId: person.id, email: person.email, name: person.name }, role: "lead", teamId, isAdmin: false };
}

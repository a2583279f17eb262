import { all, typed, type Typed } from "./typed";
export interface OrgRow {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  anonymity_k: number;
  created_at: string;
}

export type Role = "admin" | "lead";

export interface MembershipRow {
  org_id: string;
  person_id: string;
  role: Role;
  team_id: string | null;
}

const ORG_COLUMNS = "o.id, o.slug, o.name, o.time_zone, o.anonymity_k, o.created_at";

export function insertOrgStatement(db: D1Database, org: OrgRow): D1PreparedStatement {
  return db
    .prepare("INSERT INTO orgs (id, slug, name, time_zone, anonymity_k, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    .bind(org.id, org.slug, org.name, org.time_zone, org.anonymity_k, org.created_at);
}

export function insertMembershipStatement(db: D1Database, m: MembershipRow, createdAt: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO memberships (org_id, person_id, role, team_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (org_id, person_id) DO UPDATE SET role = CASE WHEN memberships.role = 'admin' THEN 'admin' ELSE excluded.role END,
         team_id = CASE WHEN memberships.role = 'admin' THEN NULL ELSE excluded.team_id END`,
    )
    .bind(m.org_id, m.person_id, m.role, m.team_id, createdAt);
}

export async function findOrgBySlug(db: D1Database, slug: string): Promise<OrgRow | null> {
  return db.prepare(`SELECT ${ORG_COLUMNS} FROM orgs o WHERE o.slug = ?1`).bind(slug).first<OrgRow>();
}

export async function slugTaken(db: D1Database, slug: string): Promise<boolean> {
  return (await db.prepare("SELECT 1 AS taken FROM orgs WHERE slug = ?1").bind(slug).first()) !== null;
}

/** The org and the person's membership in it, in one query; null when either is missing. */
export async function findOrgAccess(
  db: D1Database,
  slug: string,
  personId: string,
): Promise<(OrgRow & { role: Role; team_id: string | null }) | null> {
  return db
    .prepare(
      `SELECT ${ORG_COLUMNS}, m.role, m.team_id
       FROM orgs o JOIN memberships m ON m.org_id = o.id AND m.person_id = ?2
       WHERE o.slug = ?1`,
    )
    .bind(slug, personId)
    .first();
}

export interface PersonOrgRow {
  slug: string;
  name: string;
  role: Role;
}

export async function listOrgsOfPerson(db: D1Database, personId: string): Promise<PersonOrgRow[]> {
  const { results } = await db
    .prepare("SELECT o.slug, o.name, m.role FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = ?1 ORDER BY o.name")
    .bind(personId)
    .all<PersonOrgRow>();
  return results;
}

/** Saves the settings form; a null headcount keeps the current one. */
export async function updateOrgSettings(
  db: D1Database,
  orgId: string,
  name: string,
  timeZone: string,
  headcount: number | null = null,
): Promise<void> {
  await db
    .prepare("UPDATE orgs SET name = ?2, time_zone = ?3, headcount = COALESCE(?4, headcount) WHERE id = ?1")
    .bind(orgId, name, timeZone, headcount)
    .run();
}

/** Sets the org's anonymity threshold k (the service checks that no wave is active). */
export async function updateOrgAnonymityK(db: D1Database, orgId: string, k: number): Promise<void> {
  await db.prepare("UPDATE orgs SET anonymity_k = ?2 WHERE id = ?1").bind(orgId, k).run();
}

export async function findOrgSlug(db: D1Database, orgId: string): Promise<string | null> {
  return (await db.prepare("SELECT slug FROM orgs WHERE id = ?1").bind(orgId).first<{ slug: string }>())?.slug ?? null;
}

/** How many people the org declared (caps Scorecard campaign answers); null when never set. */
export async function findOrgHeadcount(db: D1Database, orgId: string): Promise<number | null> {
  return (await orgHeadcountStatement(db, orgId).first<{ headcount: number | null }>())?.headcount ?? null;
}

export function orgHeadcountStatement(db: D1Database, orgId: string): Typed<{ headcount: number | null }> {
  return typed<{ headcount: number | null }>(db.prepare("SELECT headcount FROM orgs WHERE id = ?1").bind(orgId));
}

export interface MemberRow {
  person_id: string;
  name: string;
  email: string;
  role: Role;
  team_id: string | null;
}

export function membersStatement(db: D1Database, orgId: string): Typed<MemberRow> {
  return typed<MemberRow>(
    db
      .prepare(
        `SELECT p.id AS person_id, p.name, p.email, m.role, m.team_id
         FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.org_id = ?1 ORDER BY m.role, p.name`,
      )
      .bind(orgId),
  );
}

export async function listMembers(db: D1Database, orgId: string): Promise<MemberRow[]> {
  return all(membersStatement(db, orgId));
}

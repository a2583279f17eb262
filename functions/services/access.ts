import { findOrgAccess, listOrgsOfPerson, type OrgRow, type Role } from "../db/orgs";
import type { Viewer } from "./auth";
import { forbidden, notFound, unauthorized } from "./errors";

/** What a signed-in member may see and do in one org; every org-scoped service takes it. */
export interface OrgAccess {
  org: OrgRow;
  viewer: Viewer;
  role: Role;
  /** The team a lead leads; null for admins. */
  teamId: string | null;
  isAdmin: boolean;
}

/**
 * Resolves the viewer's membership in the org with this slug. Not signed in: 401. Signed in
 * but not a member, or no such org: 404, so nobody learns which orgs exist.
 */
export async function requireOrgAccess(db: D1Database, viewer: Viewer | null, slug: string): Promise<OrgAccess> {
  if (!viewer) throw unauthorized();
  const row = /^[a-z0-9-]{3,40}$/.test(slug) ? await findOrgAccess(db, slug, viewer.personId) : null;
  if (!row) throw notFound("That organisation");
  const { role, team_id, ...org } = row;
  return { org, viewer, role, teamId: team_id, isAdmin: role === "admin" };
}

export function requireAdmin(access: OrgAccess): void {
  if (!access.isAdmin) throw forbidden("Only the org's admins can do that.");
}

/** Admins act for any team; a lead only for their own. */
export function canActForTeam(access: OrgAccess, teamId: string): boolean {
  return access.isAdmin || access.teamId === teamId;
}

export function requireTeamActor(access: OrgAccess, teamId: string): void {
  if (!canActForTeam(access, teamId)) throw forbidden("Only this team's lead or an admin can do that.");
}

/** The orgs the viewer belongs to, for the org chooser after sign-in. */
export async function listMyOrgs(db: D1Database, viewer: Viewer) {
  return listOrgsOfPerson(db, viewer.personId);
}

/**
 * The access a scheduled job uses to read an org on its behalf (the weekly reports): admin
 * reads, no person behind it. Jobs never write through it.
 */
export function jobAccess(org: OrgRow): OrgAccess {
  return { org, viewer: { personId: "", email: "", name: "Mistvine" }, role: "admin", teamId: null, isAdmin: true };
}

import { isId } from "../../src/schemas/fields";
import { inviteSchema, teamSchema } from "../../src/schemas/org";
import { insertInviteStatement, listInvitesStatement } from "../db/invites";
import { listMembersStatement } from "../db/orgs";
import { findTeam, insertTeam, listTeamsStatement, updateTeam, type TeamRow } from "../db/teams";
import { batchGroups } from "../db/typed";
import { requireAdmin, type OrgAccess } from "./access";
import { sendInviteLink } from "./auth";
import { AppError, notFound, validationFailed } from "./errors";
import { findActiveWave } from "../db/waves";
import { randomToken } from "./tokens";
import { parseInput } from "./validate";

export async function createTeam(db: D1Database, access: OrgAccess, input: unknown, now: Date): Promise<TeamRow> {
  requireAdmin(access);
  const data = parseInput(teamSchema, input);
  const team: TeamRow = {
    id: randomToken(16),
    org_id: access.org.id,
    name: data.name,
    mission: data.mission,
    declared_size: data.declaredSize,
    created_at: now.toISOString(),
  };
  if (!(await insertTeam(db, team))) throw validationFailed([{ field: "name", issue: "A team with this name exists already." }]);
  return team;
}

export async function editTeam(db: D1Database, access: OrgAccess, teamId: string, input: unknown): Promise<void> {
  requireAdmin(access);
  const team = await getTeam(db, access, teamId);
  const data = parseInput(teamSchema, input);
  if (data.declaredSize !== team.declared_size) {
    // The size caps the shared link; moved during a wave, the moment the link fills or opens
    // again would tell how many people have voted.
    const active = await findActiveWave(db, access.org.id);
    if (active) {
      const issue = `The team's size is locked while ${active.name} is active, so it cannot be used to learn how many people voted. Change it between waves.`;
      throw new AppError(409, "conflict", issue, [{ field: "declaredSize", issue }]);
    }
  }
  if (!(await updateTeam(db, access.org.id, teamId, { name: data.name, mission: data.mission, declared_size: data.declaredSize }))) {
    throw validationFailed([{ field: "name", issue: "A team with this name exists already." }]);
  }
}

/** A team of the viewer's org; any other id is 404. */
export async function getTeam(db: D1Database, access: OrgAccess, teamId: string): Promise<TeamRow> {
  const team = isId(teamId) ? await findTeam(db, access.org.id, teamId) : null;
  if (!team) throw notFound("That team");
  return team;
}

export interface TeamsOverview {
  teams: (TeamRow & { leads: { name: string; email: string }[]; pendingInvites: { name: string; email: string; created_at: string }[] })[];
}

/** The teams page (and GET /teams): every team with its leads, and for admins its pending invitations. One batch. */
export async function getTeamsOverview(db: D1Database, access: OrgAccess): Promise<TeamsOverview> {
  const [[teamRows, memberRows], inviteRows] = await batchGroups(db, [
    [listTeamsStatement(db, access.org.id), listMembersStatement(db, access.org.id)],
    access.isAdmin ? [listInvitesStatement(db, access.org.id)] : [],
  ]);
  const teams = teamRows.results;
  const members = memberRows.results;
  const invites = inviteRows[0]?.results ?? [];
  return {
    teams: teams.map((t) => ({
      ...t,
      leads: members.filter((m) => m.role === "lead" && m.team_id === t.id).map((m) => ({ name: m.name, email: m.email })),
      pendingInvites: invites
        .filter((i) => i.team_id === t.id && !i.accepted_at)
        .map((i) => ({ name: i.name, email: i.email, created_at: i.created_at })),
    })),
  };
}

/** Stores the invitation and emails the lead a link that signs them in and joins them to the team. */
export async function inviteLead(db: D1Database, access: OrgAccess, input: unknown, origin: string, now: Date): Promise<number> {
  requireAdmin(access);
  const data = parseInput(inviteSchema, input);
  const team = await findTeam(db, access.org.id, data.teamId);
  if (!team) throw validationFailed([{ field: "teamId", issue: "Choose one of your teams." }]);
  const invite = {
    id: randomToken(16),
    org_id: access.org.id,
    team_id: team.id,
    email: data.email.toLowerCase(),
    name: data.name,
    invited_by: access.viewer.personId,
    created_at: now.toISOString(),
  };
  await insertInviteStatement(db, invite).run();
  return sendInviteLink(
    db,
    { id: invite.id, email: invite.email, orgName: access.org.name, teamName: team.name, inviterName: access.viewer.name },
    origin,
    now,
  );
}

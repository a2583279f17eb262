import { findLiveLink, replaceLink } from "../db/pulse";
import { requireTeamActor, type OrgAccess } from "./access";
import { getTeam } from "./teams";
import { randomToken } from "./tokens";

/** The team's live pulse link path, or null when it has none (never made, or revoked). */
export async function getPulseLink(db: D1Database, access: OrgAccess, teamId: string): Promise<string | null> {
  const team = await getTeam(db, access, teamId);
  requireTeamActor(access, team.id);
  const link = await findLiveLink(db, access.org.id, team.id);
  return link ? `/p/${link.token}` : null;
}

/** A new link; the old one (if any) stops working at once and answers 410. */
export async function regeneratePulseLink(db: D1Database, access: OrgAccess, teamId: string, now: Date): Promise<string> {
  const team = await getTeam(db, access, teamId);
  requireTeamActor(access, team.id);
  const token = randomToken(16);
  await replaceLink(db, access.org.id, team.id, token, now.toISOString());
  return `/p/${token}`;
}

export async function revokePulseLink(db: D1Database, access: OrgAccess, teamId: string, now: Date): Promise<void> {
  const team = await getTeam(db, access, teamId);
  requireTeamActor(access, team.id);
  await replaceLink(db, access.org.id, team.id, null, now.toISOString());
}

import { pulseModeSchema } from "../../src/schemas/pulse";
import { liveLinkStatement, replaceLink } from "../db/pulse-links";
import { findTeamPulseMode, teamPulseModeStatement, updateTeamPulseMode, type PulseMode } from "../db/teams";
import { activeWaveStatement, findActiveWave } from "../db/waves";
import { conflict, notFound } from "./errors";
import { parseInput } from "./validate";
import { requireTeamActor, type OrgAccess } from "./access";
import { getTeam } from "./teams";
import { isId } from "../../src/schemas/fields";
import { teamStatement, type TeamRow } from "../db/teams";
import { randomToken } from "./tokens";
import { batch } from "../db/typed";

/** The team's live pulse link path, or null when it has none (never made, or revoked). */
export async function getPulseLink(db: D1Database, access: OrgAccess, teamId: string): Promise<string | null> {
  if (!isId(teamId)) throw notFound("That team");
  const [team, link] = await batch(db, [teamStatement(db, access.org.id, teamId), liveLinkStatement(db, access.org.id, teamId)]);
  requireTeamActor(access, teamOf(team.results).id);
  const token = link.results[0]?.token;
  return token ? `/p/${token}` : null;
}

/** The team row a batch read with teamStatement, or 404: another org's team is never found. */
function teamOf(rows: TeamRow[]): TeamRow {
  const team = rows[0];
  if (!team) throw notFound("That team");
  return team;
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

/**
 * Switches the team between its shared link and personal links. Only between waves: every
 * credential of a wave then comes from one mode, and in personal mode only personal links'
 * credentials exist, so nothing on the read side has to tell them apart.
 */
export async function setPulseMode(db: D1Database, access: OrgAccess, teamId: string, input: unknown): Promise<PulseMode> {
  const team = await getTeam(db, access, teamId);
  requireTeamActor(access, team.id);
  const { mode } = parseInput(pulseModeSchema, input);
  if ((await findTeamPulseMode(db, access.org.id, team.id)) === mode) return mode;
  const active = await findActiveWave(db, access.org.id);
  if (active)
    throw conflict(
      `The way the team votes is locked while ${active.name} is active, so every vote of a wave counts the same way. Change it between waves.`,
    );
  await updateTeamPulseMode(db, access.org.id, team.id, mode);
  return mode;
}

/** How the team votes: "shared" (its link) or "personal" (one link per address per week). */
export async function getPulseMode(db: D1Database, access: OrgAccess, teamId: string): Promise<PulseMode> {
  if (!isId(teamId)) throw notFound("That team");
  const [team, mode] = await batch(db, [teamStatement(db, access.org.id, teamId), teamPulseModeStatement(db, access.org.id, teamId)]);
  teamOf(team.results);
  return mode.results[0]?.pulse_mode ?? "shared";
}

export interface PulseLinkSettings {
  /** The live shared link's path, or null. */
  path: string | null;
  mode: PulseMode;
  /** The active wave's name when one is running: the mode is locked until it ends. */
  lockedBy: string | null;
}

/** What the team page's link card shows, in one batch after the team check. */
export async function getPulseLinkSettings(db: D1Database, access: OrgAccess, teamId: string): Promise<PulseLinkSettings> {
  const team = await getTeam(db, access, teamId);
  requireTeamActor(access, team.id);
  const [link, mode, wave] = await batch(db, [
    liveLinkStatement(db, access.org.id, team.id),
    teamPulseModeStatement(db, access.org.id, team.id),
    activeWaveStatement(db, access.org.id),
  ]);
  const token = link.results[0]?.token;
  return {
    path: token ? `/p/${token}` : null,
    mode: mode.results[0]?.pulse_mode ?? "shared",
    lockedBy: wave.results[0]?.name ?? null,
  };
}

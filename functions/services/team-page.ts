import { localDate } from "../../src/domain/calendar";
import { assembleBoard, type BoardModel, type TeamView } from "../../src/domain/okr/board";
import { currentWeek } from "../../src/domain/ppp/week";
import { withTeamSignals } from "../../src/domain/pulse/board-signals";
import type { HeatMap } from "../../src/domain/pulse/heatmap";
import { isId } from "../../src/schemas/fields";
import type { BoostListRow } from "../db/boosts";
import type { CheckInRow } from "../db/objectives";
import type { PppState } from "../db/ppp";
import type { ReflectionRow } from "../db/reflections";
import type { PulseMode } from "../db/teams";
import { pickTeamWaves, teamViewStatements } from "../db/team-view";
import { batch } from "../db/typed";
import type { WaveRow } from "../db/waves";
import { canActForTeam, type OrgAccess } from "./access";
import { chatChannelView, type ChatChannelView } from "./chat-channels";
import { keyResultInputs } from "./board-inputs";
import { notFound } from "./errors";
import { reportScheduleOf } from "./report-settings";
import { publishSentiment, visibleComments, type OrgSentiment, type TeamComments } from "./sentiment";

export interface TeamPageView {
  team: { id: string; name: string; mission: string; declared_size: number };
  canEdit: boolean;
  today: string;
  /** The wave shown: ?wave=, else the active wave, else the newest. */
  wave: WaveRow | null;
  waves: WaveRow[];
  /** The team's objectives; in an active wave with the pulse signals (drops, divergence) the board shows. */
  view: TeamView | null;
  calendar: BoardModel["calendar"] | null;
  orgObjectives: { id: string; title: string; kind: "roofshot" | "moonshot" | null }[];
  checkIns: CheckInRow[];
  reflections: (ReflectionRow & { wave_name: string })[];
  /** Org objectives of draft waves, for carrying a finished wave's objectives over. */
  draftOrgObjectives: { waveId: string; id: string; title: string }[];
  /** The team's heat map, published and suppressed: the shown wave's, or the active / latest completed one for a draft. */
  pulse: { wave: WaveRow | null; k: number; next: OrgSentiment["next"]; map: HeatMap | null; comments: TeamComments[] };
  /** This week's PPP and the boosts the team is part of. */
  help: { week: string; pppState: PppState | null; boosts: BoostListRow[] };
  /** For the team's lead and admins only (null otherwise): the pulse link card, the reminder list and the chat channel. */
  settings: {
    linkPath: string | null;
    mode: PulseMode;
    lockedBy: string | null;
    addresses: string[];
    pulseWeekday: number;
    chat: ChatChannelView | null;
  } | null;
}

/**
 * Everything the team page shows, for the page and GET /api/orgs/{org}/teams/{id}: one D1
 * round trip after the access check whatever the org's size (plus one write batch when the
 * read publishes a pulse week that is over, as every heat map read does).
 */
export async function getTeamPage(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  waveId: string | null,
  now: Date,
  random: () => number = Math.random,
): Promise<TeamPageView> {
  if (!isId(teamId)) throw notFound("That team");
  const orgId = access.org.id;
  const week = currentWeek(now, access.org.time_zone);
  const [
    teamRows,
    waveRows,
    objectives,
    keyResults,
    checkIns,
    reflections,
    drafts,
    orgTeams,
    pulseObjectives,
    teamWeek,
    respondents,
    objectiveWeek,
    releases,
    commentRows,
    link,
    mode,
    addresses,
    schedule,
    boosts,
    ppps,
    chatChannel,
  ] = await batch(db, teamViewStatements(db, orgId, teamId, waveId, week));
  const team = teamRows.results[0];
  if (!team) throw notFound("That team");
  const waves = waveRows.results;
  const { wave, pulseWave } = pickTeamWaves(waves, waveId);
  const today = localDate(now, access.org.time_zone);
  const canEdit = canActForTeam(access, team.id);

  // The heat map, published by the one sentiment service every surface reads through.
  const sentiment = pulseWave
    ? await publishSentiment(db, orgId, pulseWave.id, {
        wave: pulseWave,
        now,
        orgK: access.org.anonymity_k,
        teams: orgTeams.results,
        objectives: pulseObjectives.results
          .filter((o) => o.level === "team")
          .map((o) => ({ id: o.id, teamId: o.team_id ?? "", title: o.title })),
        rows: { teamWeek: teamWeek.results, respondents: respondents.results, objectiveWeek: objectiveWeek.results },
        releases: releases.results,
      })
    : null;
  const map = sentiment?.teams.get(team.id) ?? null;
  const k = sentiment?.k ?? access.org.anonymity_k;
  const pulse = {
    wave: pulseWave,
    k,
    next: sentiment?.next ?? null,
    map,
    comments: pulseWave && map ? visibleComments(map, commentRows.results, k, random) : [],
  };
  const help = { week, pppState: ppps.results.find((p) => p.team_id === team.id)?.state ?? null, boosts: boosts.results };
  const activeWave = waves.find((w) => w.state === "active") ?? null;
  const settings = canEdit
    ? {
        linkPath: link.results[0]?.token ? `/p/${link.results[0].token}` : null,
        mode: mode.results[0]?.pulse_mode ?? "shared",
        lockedBy: activeWave?.name ?? null,
        addresses: addresses.results.map((a) => a.email),
        pulseWeekday: reportScheduleOf(schedule.results[0]).pulseWeekday,
        chat: chatChannel.results[0] ? chatChannelView(chatChannel.results[0]) : null,
      }
    : null;

  const base = { team, canEdit, today, wave, waves, reflections: reflections.results, pulse, help, settings };
  if (!wave) return { ...base, view: null, calendar: null, orgObjectives: [], checkIns: [], draftOrgObjectives: [] };
  const objectiveRows = objectives.results;
  const lastAt = checkIns.results.at(-1)?.created_at;
  const board = assembleBoard({
    wave: { startsOn: wave.starts_on, endsOn: wave.ends_on },
    today: wave.state === "completed" ? wave.ends_on : today,
    objectives: objectiveRows.map((o) => ({
      id: o.id,
      level: o.level,
      teamId: o.team_id,
      parentId: o.parent_id,
      kind: o.kind,
      title: o.title,
      rationale: o.rationale,
    })),
    keyResults: keyResultInputs(keyResults.results, access.org.time_zone),
    teams: [{ id: team.id, name: team.name, mission: team.mission }],
    lastCheckInOn: new Map(lastAt ? [[team.id, localDate(new Date(lastAt), access.org.time_zone)]] : []),
  });
  const teamView = board.teams[0] ?? null;
  return {
    ...base,
    view: teamView && wave.state === "active" ? withTeamSignals(teamView, map ?? undefined) : teamView,
    calendar: board.calendar,
    orgObjectives: objectiveRows.filter((o) => o.level === "org").map((o) => ({ id: o.id, title: o.title, kind: o.kind })),
    checkIns: checkIns.results,
    draftOrgObjectives: drafts.results.map((d) => ({ waveId: d.wave_id, id: d.id, title: d.title })),
  };
}

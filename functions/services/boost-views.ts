import { isId } from "../../src/schemas/fields";
import { localDate } from "../../src/domain/calendar";
import { elapsedMs, helpMatrix, timingsByWave, type HelpMatrix, type WaveTimings } from "../../src/domain/boosts/insights";
import { boostActions, type BoostActions } from "../../src/domain/boosts/rules";
import { weeksOpen } from "../../src/domain/ppp/ageing";
import { currentWeek } from "../../src/domain/ppp/week";
import {
  activeBoostsStatement,
  boostableObjectivesStatement,
  boostTimingsStatement,
  boostViewStatement,
  closedBoostsStatement,
  messagesOfBoostStatement,
  openBoostsStatement,
  recentWavesStatement,
  teamBoostsStatement,
  type BoostListRow,
  type BoostMessageRow,
} from "../db/boosts";
import { latestProblemsStatement, pppStatesOfWeekStatement, type PppState } from "../db/ppp";
import { listTeamsStatement } from "../db/teams";
import type { OrgAccess } from "./access";
import { boostFacts } from "./boosts";
import { notFound } from "./errors";
import { batch, batchGroups, batchPart, batchParts, type BatchPart, type BatchResults } from "../db/typed";

/** How many waves the time-to-help table covers, and how many closed boosts the list shows. */
const TIMING_WAVES = 6;
const CLOSED_SHOWN = 20;

export interface BoostPage {
  boost: BoostListRow;
  messages: BoostMessageRow[];
  /** What the viewer may do now. */
  actions: BoostActions;
  ageMs: number;
  /** Whether the viewer's team already declined (an "any team" request stays open after a decline). */
  declinedByViewer: boolean;
}

/** One boost with its thread: one round trip. Another org's id is 404. */
export async function getBoostPage(db: D1Database, access: OrgAccess, boostId: string, now: Date): Promise<BoostPage> {
  if (!isId(boostId)) throw notFound("That boost request");
  const [boost, messages] = await batch(db, [
    boostViewStatement(db, access.org.id, boostId),
    messagesOfBoostStatement(db, access.org.id, boostId),
  ]);
  const row = boost.results[0];
  if (!row) throw notFound("That boost request");
  const thread = messages.results;
  const declinedByViewer = thread.some((m) => m.kind === "decline" && m.team_id !== null && m.team_id === access.teamId);
  const actions = boostActions(boostFacts(row), access.teamId);
  return {
    boost: row,
    messages: thread,
    actions: declinedByViewer ? { ...actions, decline: false } : actions,
    ageMs: elapsedMs(row.created_at, now.toISOString()),
    declinedByViewer,
  };
}

export interface BoostsOverview {
  today: string;
  /** Open first, then accepted; each oldest first. */
  active: BoostListRow[];
  closed: BoostListRow[];
  timings: WaveTimings[];
  /** Who helped whom in the active wave (else the latest one). */
  matrix: HelpMatrix & { waveName: string | null };
  /** For a lead: what the "ask for a boost" form offers. Null for admins. */
  form: {
    teams: { id: string; name: string }[];
    objectives: { id: string; title: string; wave_name: string }[];
    problems: { thread: string; text: string; weeksOpen: number }[];
  } | null;
}

/** Every boost of the org with time-to-help per wave and the help matrix: one batch of up to seven statements. */
export async function getBoostsOverview(db: D1Database, access: OrgAccess, now: Date): Promise<BoostsOverview> {
  const orgId = access.org.id;
  const teamId = access.teamId;
  const [[active, closed, recentWaves, boostTimings, orgTeams], formRows] = await batchGroups(db, [
    [
      activeBoostsStatement(db, orgId),
      closedBoostsStatement(db, orgId, CLOSED_SHOWN),
      recentWavesStatement(db, orgId, TIMING_WAVES),
      boostTimingsStatement(db, orgId, TIMING_WAVES),
      listTeamsStatement(db, orgId),
    ],
    teamId ? ([boostableObjectivesStatement(db, orgId, teamId), latestProblemsStatement(db, orgId, teamId)] as const) : ([] as const),
  ]);
  const waves = recentWaves.results;
  const timings = boostTimings.results;
  const teams = orgTeams.results;
  const wave = waves.find((w) => w.state === "active") ?? waves[0] ?? null;
  const week = currentWeek(now, access.org.time_zone);
  return {
    today: localDate(now, access.org.time_zone),
    active: active.results,
    closed: closed.results,
    timings: timingsByWave(
      timings.map((t) => ({
        waveId: t.wave_id,
        createdAt: t.created_at,
        acceptedAt: t.accepted_at,
        resolvedAt: t.resolved_at,
        helperTeamId: t.helper_team_id,
      })),
      waves,
    ),
    matrix: {
      ...helpMatrix(
        wave
          ? timings.filter((t) => t.wave_id === wave.id).map((t) => ({ fromTeamId: t.from_team_id, helperTeamId: t.helper_team_id }))
          : [],
        teams,
      ),
      waveName: wave?.name ?? null,
    },
    form:
      teamId && formRows.length === 2
        ? {
            teams: teams.filter((t) => t.id !== teamId).map((t) => ({ id: t.id, name: t.name })),
            objectives: formRows[0].results,
            problems: formRows[1].results.map((p) => ({ thread: p.thread_id, text: p.body, weeksOpen: weeksOpen(p.since_week, week) })),
          }
        : null,
  };
}

/** Open and accepted boosts a team is part of (and open "any team" requests it could take on). */
export async function getTeamBoosts(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  now: Date,
): Promise<{ boosts: BoostListRow[]; pppState: PppState | null; week: string }> {
  const [boosts] = await batchParts(db, [teamBoostsPart(db, access, teamId, now)]);
  return boosts;
}

/** getTeamBoosts's reads for a caller's batch (the team report preview). */
export function teamBoostsPart(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  now: Date,
): BatchPart<{ boosts: BoostListRow[]; pppState: PppState | null; week: string }> {
  const week = currentWeek(now, access.org.time_zone);
  return batchPart(
    [teamBoostsStatement(db, access.org.id, teamId), pppStatesOfWeekStatement(db, access.org.id, week)] as const,
    ([boosts, ppps]) => {
      const own = ppps.results.find((p) => p.team_id === teamId);
      return { boosts: boosts.results, pppState: own?.state ?? null, week };
    },
  );
}

export interface BoardHelp {
  week: string;
  openBoosts: BoostListRow[];
  /** Each team and whether it posted this week's PPP (submitted), has a draft, or nothing. */
  ppp: { id: string; name: string; state: PppState | null }[];
}

/** The statements behind getBoardHelp, for a caller's batch (the board page adds them to its own). */
export function boardHelpStatements(db: D1Database, orgId: string, week: string) {
  return [openBoostsStatement(db, orgId), listTeamsStatement(db, orgId), pppStatesOfWeekStatement(db, orgId, week)] as const;
}

export function boardHelpFromResults(week: string, [boosts, teams, ppps]: BatchResults<ReturnType<typeof boardHelpStatements>>): BoardHelp {
  const state = new Map(ppps.results.map((p) => [p.team_id, p.state]));
  return {
    week,
    openBoosts: boosts.results,
    ppp: teams.results.map((t) => ({ id: t.id, name: t.name, state: state.get(t.id) ?? null })),
  };
}

/**
 * What the board shows leadership first: open boosts (oldest first) and this week's PPP per
 * team. One batch of three statements whatever the number of teams; null for non-admins.
 */
export async function getBoardHelp(db: D1Database, access: OrgAccess, now: Date): Promise<BoardHelp | null> {
  if (!access.isAdmin) return null;
  const [help] = await batchParts(db, [boardHelpPart(db, access, now)]);
  return help;
}

/** getBoardHelp's reads for a caller's batch, whoever the viewer (the weekly reports read them as admins). */
export function boardHelpPart(db: D1Database, access: OrgAccess, now: Date): BatchPart<BoardHelp> {
  const week = currentWeek(now, access.org.time_zone);
  return batchPart(boardHelpStatements(db, access.org.id, week), (results) => boardHelpFromResults(week, results));
}

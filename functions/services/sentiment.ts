import { commentThreshold, shuffled, type Cell, type RawCell } from "../../src/domain/anonymity";
import { localDate } from "../../src/domain/calendar";
import { cellKey, orgHeatMap, sumCells, teamHeatMap, type HeatMap } from "../../src/domain/pulse/heatmap";
import { releaseStep } from "../../src/domain/pulse/release";
import { pulseWeek, waveWeeks } from "../../src/domain/pulse/weeks";
import { objectivesOfWaveStatement, type ObjectiveRow } from "../db/objectives";
import {
  commentsStatement,
  objectiveWeekVotesStatement,
  releasesStatement,
  saveReleaseStatements,
  respondentsStatement,
  teamWeekVotesStatement,
  type CommentRow,
  type ObjectiveWeekVotesRow,
  type ReleaseRow,
  type RespondentsRow,
  type TeamWeekVotesRow,
} from "../db/pulse-reads";
import { listTeamsStatement, type TeamRow } from "../db/teams";
import { listWaves, type WaveRow } from "../db/waves";
import type { OrgAccess } from "./access";
import { csvDocument } from "./csv";
import { notFound } from "./errors";
import { getTeam } from "./teams";

/**
 * Confidence heat maps, suppressed. Every read path (board, pulse pages, API, CSV, email)
 * builds them here from the raw counts, so none can show a cell below the org's threshold.
 */

export interface SentimentRows {
  teamWeek: TeamWeekVotesRow[];
  respondents: RespondentsRow[];
  objectiveWeek: ObjectiveWeekVotesRow[];
}

export interface OrgSentiment {
  k: number;
  weeks: string[];
  org: HeatMap;
  /** Objectives × weeks per team id. */
  teams: Map<string, HeatMap>;
}

/**
 * Builds every heat map of a wave from the raw counts: each cell first goes through the
 * release in steps of k (what it last published, unless k more answers arrived since), then
 * through threshold and complementary suppression. Returns the maps and the releases this
 * read publishes, which the caller stores.
 */
export function buildSentiment(input: {
  wave: { starts_on: string; ends_on: string };
  today: string;
  k: number;
  teams: readonly { id: string; name: string }[];
  objectives: readonly { id: string; teamId: string; title: string }[];
  rows: SentimentRows;
  releases: readonly ReleaseRow[];
}): { sentiment: OrgSentiment; published: ReleaseRow[] } {
  const { wave, today, k, teams, objectives, rows } = input;
  const weeks = waveWeeks(wave.starts_on, wave.ends_on, today);
  const last = new Map(input.releases.map((r) => [r.cell, r]));
  const published: ReleaseRow[] = [];
  const release = (cell: string, raw: RawCell): RawCell => {
    const step = releaseStep(raw, last.get(cell), k);
    if (step.next) published.push({ cell, ...step.next });
    return step.shown;
  };
  const respondents = new Map(rows.respondents.map((r) => [cellKey(r.team_id, r.week), r.respondents]));
  const rawTeamWeek = rows.teamWeek.map((r) => ({ teamId: r.team_id, week: r.week, raw: { n: respondents.get(cellKey(r.team_id, r.week)) ?? 0, sum: r.total, answers: r.votes } }));
  const teamWeek = new Map<string, RawCell>(rawTeamWeek.map(({ teamId, week, raw }) => [cellKey(teamId, week), release(`team|${cellKey(teamId, week)}`, raw)]));
  // The org-wide row: every team's raw answers added up, released as one cell of its own.
  const orgWeek = new Map<string, RawCell>(
    weeks.map((week) => [week, release(`org|${week}`, sumCells(rawTeamWeek.filter((t) => t.week === week).map((t) => t.raw)))]),
  );
  const objectiveWeek = new Map<string, RawCell>(
    rows.objectiveWeek.map((r) => {
      const key = cellKey(r.objective_id, r.week);
      return [key, release(`objective|${key}`, { n: r.votes, sum: r.total })];
    }),
  );
  const org = orgHeatMap({ weeks, teams, teamWeek, orgWeek, k });
  const perTeam = new Map<string, HeatMap>();
  for (const row of org.rows) {
    perTeam.set(row.key, teamHeatMap({ weeks, objectives: objectives.filter((o) => o.teamId === row.key), objectiveWeek, teamRow: row, k }));
  }
  return { sentiment: { k, weeks, org, teams: perTeam }, published };
}

export interface PulseReadView {
  wave: WaveRow | null;
  waves: WaveRow[];
  today: string;
  sentiment: OrgSentiment | null;
  teams: TeamRow[];
  objectives: { id: string; teamId: string; title: string }[];
}

/**
 * The org's heat maps for a wave (the active one, else the newest), in one batch of a fixed
 * number of statements whatever the number of teams.
 */
export async function getPulseReadView(db: D1Database, access: OrgAccess, waveId: string | null, now: Date): Promise<PulseReadView> {
  const waves = await listWaves(db, access.org.id);
  const wave = (waveId ? waves.find((w) => w.id === waveId) : null) ?? waves.find((w) => w.state === "active") ?? waves.find((w) => w.state === "completed") ?? null;
  if (waveId && wave?.id !== waveId) throw notFound("That wave");
  const today = localDate(now, access.org.time_zone);
  if (!wave) return { wave, waves, today, sentiment: null, teams: [], objectives: [] };
  const [teams, objectives, teamWeek, respondents, objectiveWeek, releases] = await db.batch([
    listTeamsStatement(db, access.org.id),
    objectivesOfWaveStatement(db, access.org.id, wave.id),
    teamWeekVotesStatement(db, access.org.id, wave.id),
    respondentsStatement(db, access.org.id, wave.id),
    objectiveWeekVotesStatement(db, access.org.id, wave.id),
    releasesStatement(db, access.org.id, wave.id),
  ]);
  const teamRows = teams.results as TeamRow[];
  const teamObjectives = (objectives.results as ObjectiveRow[]).filter((o) => o.level === "team").map((o) => ({ id: o.id, teamId: o.team_id ?? "", title: o.title }));
  const { sentiment, published } = buildSentiment({
    wave,
    today: wave.state === "completed" ? wave.ends_on : today,
    k: access.org.anonymity_k,
    teams: teamRows,
    objectives: teamObjectives,
    rows: { teamWeek: teamWeek.results, respondents: respondents.results, objectiveWeek: objectiveWeek.results } as SentimentRows,
    releases: releases.results as ReleaseRow[],
  });
  if (published.length) await db.batch(saveReleaseStatements(db, access.org.id, wave.id, published));
  return { wave, waves, today, sentiment, teams: teamRows, objectives: teamObjectives };
}

export interface TeamComments {
  objectiveId: string;
  week: string;
  /** Shuffled, without dates or any other detail; only for cells with max(k, 5) votes. */
  comments: string[];
}

/** One team's heat map with the comments its threshold allows. */
export async function getTeamPulse(db: D1Database, access: OrgAccess, teamId: string, waveId: string | null, now: Date, random: () => number = Math.random) {
  const team = await getTeam(db, access, teamId);
  const read = await getPulseReadView(db, access, waveId, now);
  const map = read.sentiment?.teams.get(team.id) ?? null;
  let comments: TeamComments[] = [];
  if (read.wave && map) {
    const { results } = await commentsStatement(db, access.org.id, read.wave.id, team.id).all<CommentRow>();
    comments = visibleComments(map, results, access.org.anonymity_k, random, pulseWeek(now, access.org.time_zone));
  }
  return { team, wave: read.wave, waves: read.waves, k: access.org.anonymity_k, map, comments };
}

/**
 * Comments of cells that are shown and have at least max(k, 5) votes, each cell's shuffled,
 * and only once their week is over: a comment appearing while the week runs could be tied to
 * whoever just voted.
 */
export function visibleComments(map: HeatMap, rows: readonly CommentRow[], k: number, random: () => number, currentWeek: string): TeamComments[] {
  const out: TeamComments[] = [];
  for (const row of map.rows) {
    map.weeks.forEach((week, i) => {
      const cell = row.cells[i];
      if (week >= currentWeek || cell.state !== "shown" || cell.n < commentThreshold(k)) return;
      const texts = rows.filter((r) => r.objective_id === row.key && r.week === week).map((r) => r.comment);
      if (texts.length) out.push({ objectiveId: row.key, week, comments: shuffled(texts, random) });
    });
  }
  return out;
}

/**
 * The heat maps as CSV: one line per cell, org-wide, team and objective level. Suppressed and
 * empty cells say so and carry no number, exactly as on the page.
 */
export function pulseCsv(read: PulseReadView): string {
  const rows: (string | number | null)[][] = [];
  const s = read.sentiment;
  if (s && read.wave) {
    const teamName = new Map(read.teams.map((t) => [t.id, t.name]));
    const push = (level: string, team: string, objective: string, cells: Cell[]) =>
      s.weeks.forEach((week, i) => {
        const c = cells[i];
        rows.push([read.wave!.name, week, level, team, objective, c.state, c.state === "shown" ? c.n : null, c.state === "shown" ? c.mean : null]);
      });
    push("org", "All teams", "", s.org.total.cells);
    for (const r of s.org.rows) {
      push("team", r.label, "", r.cells);
      for (const o of s.teams.get(r.key)?.rows ?? []) push("objective", teamName.get(r.key) ?? "", o.label, o.cells);
    }
  }
  return csvDocument(["wave", "week", "level", "team", "objective", "state", "respondents_or_votes", "mean_1_to_5"], rows);
}

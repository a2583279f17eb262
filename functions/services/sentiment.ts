import { commentThreshold, shuffled, type Cell } from "../../src/domain/anonymity";
import { localDate } from "../../src/domain/calendar";
import type { HeatMap } from "../../src/domain/pulse/heatmap";
import {
  isWeekOver,
  publishedHeatMaps,
  takeWeekSnapshot,
  weekClosesAt,
  type WeekCounts,
  type WeekSnapshot,
} from "../../src/domain/pulse/publication";
import { waveWeeks } from "../../src/domain/pulse/weeks";
import {
  pulseCommentsStatement,
  pulseReadStatements,
  saveWeekReleaseStatements,
  weekReleasesStatement,
  type CommentRow,
  type ObjectiveWeekVotesRow,
  type RespondentsRow,
  type TeamWeekVotesRow,
  type WeekReleaseRow,
} from "../db/pulse-reads";
import { teamStatement, type TeamRow } from "../db/teams";
import { isId } from "../../src/schemas/fields";
import { type WaveRow } from "../db/waves";
import type { OrgAccess } from "./access";
import { csvDocument } from "./csv";
import { notFound } from "./errors";
import { batch, batchGroups, type BatchResults } from "../db/typed";
import { pulseWeekPublishedStatements } from "./webhook-events";

/**
 * Confidence heat maps, published. Every read path (board, pulse pages, API, CSV, email,
 * report previews) builds them here, from the weeks the wave has published
 * (src/domain/pulse/publication.ts): a week publishes once, as one snapshot of all its
 * counts, once it is over in every time zone, and every figure comes from that snapshot.
 */

export interface SentimentRows {
  teamWeek: TeamWeekVotesRow[];
  respondents: RespondentsRow[];
  objectiveWeek: ObjectiveWeekVotesRow[];
}

export interface OrgSentiment {
  /** The wave's threshold, fixed when it started. */
  k: number;
  /** The published weeks, oldest first. */
  weeks: string[];
  org: HeatMap;
  /** Objectives × weeks per team id. */
  teams: Map<string, HeatMap>;
  /** The wave's first week not published yet, and when it will be (an ISO instant); null when every week is. */
  next: { week: string; showsAt: string } | null;
}

/** The threshold every figure of a wave uses: the k it started with (the org's for a draft). */
export function waveK(wave: Pick<WaveRow, "anonymity_k">, orgK: number): number {
  return wave.anonymity_k ?? orgK;
}

/**
 * Builds every heat map of a wave from its published weeks (`releases`), publishing the weeks
 * that are over but not yet published from the raw counts. Returns the maps and the weeks this
 * read publishes, which the caller stores (and, if another reader stored one first, builds
 * again from what is stored).
 */
export function buildSentiment(input: {
  wave: Pick<WaveRow, "starts_on" | "ends_on" | "anonymity_k">;
  now: Date;
  orgK: number;
  teams: readonly { id: string; name: string }[];
  objectives: readonly { id: string; teamId: string; title: string }[];
  rows: SentimentRows;
  releases: readonly WeekReleaseRow[];
}): { sentiment: OrgSentiment; published: WeekReleaseRow[] } {
  const { wave, now, teams, objectives } = input;
  const k = waveK(wave, input.orgK);
  const stored = new Map(input.releases.map((r) => [r.week, JSON.parse(r.snapshot) as WeekSnapshot]));
  const published: WeekReleaseRow[] = [];
  const snapshots: WeekSnapshot[] = [];
  let next: OrgSentiment["next"] = null;
  for (const week of waveWeeks(wave.starts_on, wave.ends_on)) {
    let snapshot = stored.get(week);
    if (!snapshot && isWeekOver(week, now)) {
      snapshot = takeWeekSnapshot({ week, k, teams, objectives, counts: input.rows as WeekCounts });
      // A week over without a vote stays empty for good (no vote can join it): nothing to store.
      if (snapshot.teams.length > 0) published.push({ week, k, snapshot: JSON.stringify(snapshot) });
    }
    if (snapshot) snapshots.push(snapshot);
    else if (!next) next = { week, showsAt: weekClosesAt(week).toISOString() };
  }
  const maps = publishedHeatMaps({ snapshots, teams, objectives });
  return { sentiment: { k, weeks: maps.weeks, org: maps.org, teams: maps.teams, next }, published };
}

/**
 * Builds the maps and stores the weeks this read publishes. When a week was published by
 * another reader meanwhile, the stored snapshot wins and the maps are built from it.
 */
export async function publishSentiment(
  db: D1Database,
  orgId: string,
  waveId: string,
  input: Parameters<typeof buildSentiment>[0],
): Promise<OrgSentiment> {
  const built = buildSentiment(input);
  if (!built.published.length) return built.sentiment;
  const events = await pulseWeekPublishedStatements(
    db,
    orgId,
    waveId,
    built.published.map((w) => w.week),
    built.sentiment,
    input.now,
  );
  const [, , [stored]] = await batchGroups(db, [
    saveWeekReleaseStatements(db, orgId, waveId, built.published),
    events,
    [weekReleasesStatement(db, orgId, waveId)],
  ]);
  return buildSentiment({ ...input, releases: stored.results }).sentiment;
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
  return pulseReadFromResults(db, access, waveId, await batch(db, pulseReadStatements(db, access.org.id, waveId)), now);
}

/** The heat maps from the results of pulseReadStatements (publishing a week that is over, once). */
async function pulseReadFromResults(
  db: D1Database,
  access: OrgAccess,
  waveId: string | null,
  [waveRows, teams, objectives, teamWeek, respondents, objectiveWeek, releases]: BatchResults<ReturnType<typeof pulseReadStatements>>,
  now: Date,
): Promise<PulseReadView> {
  const waves = waveRows.results;
  const wave =
    (waveId ? waves.find((w) => w.id === waveId) : null) ??
    waves.find((w) => w.state === "active") ??
    waves.find((w) => w.state === "completed") ??
    null;
  if (waveId && wave?.id !== waveId) throw notFound("That wave");
  const today = localDate(now, access.org.time_zone);
  if (!wave) return { wave, waves, today, sentiment: null, teams: [], objectives: [] };
  const teamRows = teams.results;
  const teamObjectives = objectives.results
    .filter((o) => o.level === "team")
    .map((o) => ({ id: o.id, teamId: o.team_id ?? "", title: o.title }));
  const sentiment = await publishSentiment(db, access.org.id, wave.id, {
    wave,
    now,
    orgK: access.org.anonymity_k,
    teams: teamRows,
    objectives: teamObjectives,
    rows: { teamWeek: teamWeek.results, respondents: respondents.results, objectiveWeek: objectiveWeek.results },
    releases: releases.results,
  });
  return { wave, waves, today, sentiment, teams: teamRows, objectives: teamObjectives };
}

export interface TeamComments {
  objectiveId: string;
  week: string;
  /** Shuffled, without dates or any other detail; only for cells with max(k, 5) votes. */
  comments: string[];
}

/** One team's heat map with the comments its threshold allows: one batch, the team check included. */
export async function getTeamPulse(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  waveId: string | null,
  now: Date,
  random: () => number = Math.random,
) {
  if (!isId(teamId)) throw notFound("That team");
  const orgId = access.org.id;
  const [[teamRows], pulse, [commentRows]] = await batchGroups(db, [
    [teamStatement(db, orgId, teamId)],
    pulseReadStatements(db, orgId, waveId),
    [pulseCommentsStatement(db, orgId, waveId, teamId)],
  ]);
  const team = teamRows.results[0];
  if (!team) throw notFound("That team");
  const read = await pulseReadFromResults(db, access, waveId, pulse, now);
  const map = read.sentiment?.teams.get(team.id) ?? null;
  let comments: TeamComments[] = [];
  const k = read.sentiment?.k ?? access.org.anonymity_k;
  // The comments are of the wave the heat maps picked (the same subquery); none for a draft.
  if (read.wave && map) comments = visibleComments(map, commentRows.results, k, random);
  return { team, wave: read.wave, waves: read.waves, k, next: read.sentiment?.next ?? null, map, comments };
}

/**
 * Comments of cells that are shown and have at least max(k, 5) votes, each cell's shuffled.
 * `map` holds published weeks only, and a week publishes once it is over in every time zone,
 * so a comment never appears while its week runs (it could be tied to whoever just voted),
 * whatever the org's time zone is or was; k is the wave's, fixed when it started.
 */
export function visibleComments(map: HeatMap, rows: readonly CommentRow[], k: number, random: () => number): TeamComments[] {
  const out: TeamComments[] = [];
  for (const row of map.rows) {
    map.weeks.forEach((week, i) => {
      const cell = row.cells[i];
      if (cell.state !== "shown" || cell.n < commentThreshold(k)) return;
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
    const push = (level: string, team: string, objective: string, cells: Cell[]) =>
      s.weeks.forEach((week, i) => {
        const c = cells[i];
        rows.push([
          read.wave!.name,
          week,
          level,
          team,
          objective,
          c.state,
          c.state === "shown" ? c.n : null,
          c.state === "shown" ? c.mean : null,
        ]);
      });
    push("org", "All teams", "", s.org.total.cells);
    for (const r of s.org.rows) {
      push("team", r.label, "", r.cells);
      for (const o of s.teams.get(r.key)?.rows ?? []) push("objective", r.label, o.label, o.cells);
    }
  }
  return csvDocument(["wave", "week", "level", "team", "objective", "state", "respondents_or_votes", "mean_1_to_5"], rows);
}

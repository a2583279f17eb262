import { cellFor, suppressTable, type Cell, type RawCell } from "../anonymity";

/**
 * Heat maps of weekly confidence, suppressed before anyone sees them. The org map is teams ×
 * weeks with an "all teams" row per week; a team's map is objectives × weeks with the team's
 * own week as its total row. Totals are published along the week axis only (no wave totals),
 * so the groups nest: teams within the org's week, objectives within the team's week. The org
 * level runs first and its team-week cells are the totals the team level must respect.
 */

export interface HeatRow {
  key: string;
  label: string;
  /** One cell per week, in the order of `weeks`. */
  cells: Cell[];
  /** True where the cell's mean dropped (see dropFlags). */
  drops: boolean[];
}

export interface HeatMap {
  weeks: string[];
  rows: HeatRow[];
  total: HeatRow;
}

export const cellKey = (row: string, week: string) => `${row}|${week}`;

/** How far a mean must fall from one week to the next to raise a flag (on the 1–5 scale). */
export const DROP_THRESHOLD = 0.75;

/**
 * Drop flags for a row of weekly cells: the mean fell by DROP_THRESHOLD or more since the
 * previous week, or fell two weeks running. Only shown cells count: a suppressed or empty
 * week never contributes, so a flag cannot reveal anything about a hidden cell.
 */
export function dropFlags(cells: readonly Cell[]): boolean[] {
  return cells.map((cell, i) => {
    const prev = cells[i - 1];
    if (cell.state !== "shown" || prev?.state !== "shown") return false;
    if (prev.mean - cell.mean >= DROP_THRESHOLD - 1e-9) return true;
    const before = cells[i - 2];
    return before?.state === "shown" && cell.mean < prev.mean && prev.mean < before.mean;
  });
}

/** Several cells as one: respondents, sums and answers added up. */
export function sumCells(raws: readonly (RawCell | undefined)[]): RawCell {
  return raws.reduce<RawCell>((acc, r) => ({ n: acc.n + (r?.n ?? 0), sum: acc.sum + (r?.sum ?? 0), answers: (acc.answers ?? 0) + (r?.answers ?? r?.n ?? 0) }), { n: 0, sum: 0, answers: 0 });
}

function row(key: string, label: string, cells: Cell[]): HeatRow {
  return { key, label, cells, drops: dropFlags(cells) };
}

/**
 * Teams × weeks, with the org-wide row. `teamWeek` is keyed cellKey(teamId, week); n =
 * respondents. `orgWeek`, keyed by week, is the org-wide row's own cell: released on its own
 * steps rather than added up from the teams, so a vote in a team too small to show never
 * moves it by itself.
 */
export function orgHeatMap(input: {
  weeks: readonly string[];
  teams: readonly { id: string; name: string }[];
  teamWeek: ReadonlyMap<string, RawCell>;
  orgWeek: ReadonlyMap<string, RawCell>;
  k: number;
}): HeatMap {
  const { weeks, teams, teamWeek, orgWeek, k } = input;
  const groups = weeks.map((week) => {
    const members = teams.map((t) => cellKey(t.id, week));
    return { members, published: cellFor(orgWeek.get(week), k).state === "shown" };
  });
  const raw = new Map<string, RawCell>();
  for (const t of teams) for (const w of weeks) raw.set(cellKey(t.id, w), teamWeek.get(cellKey(t.id, w)) ?? { n: 0, sum: 0 });
  const cells = suppressTable(raw, k, groups);
  return {
    weeks: [...weeks],
    rows: teams.map((t) => row(t.id, t.name, weeks.map((w) => cells.get(cellKey(t.id, w)) ?? { state: "empty" }))),
    total: row("all", "All teams", weeks.map((w) => cellFor(orgWeek.get(w), k))),
  };
}

/**
 * One team's objectives × weeks. `teamWeekCells` are the team's cells as the org map shows
 * them (after the org-level pass): a week whose team total is shown is a published total for
 * the objective cells under it. `objectiveWeek` is keyed cellKey(objectiveId, week); n = votes.
 */
export function teamHeatMap(input: {
  weeks: readonly string[];
  objectives: readonly { id: string; title: string }[];
  objectiveWeek: ReadonlyMap<string, RawCell>;
  teamRow: HeatRow;
  k: number;
}): HeatMap {
  const { weeks, objectives, objectiveWeek, teamRow, k } = input;
  const raw = new Map<string, RawCell>();
  for (const o of objectives) for (const w of weeks) raw.set(cellKey(o.id, w), objectiveWeek.get(cellKey(o.id, w)) ?? { n: 0, sum: 0 });
  const groups = weeks.map((w, i) => ({ members: objectives.map((o) => cellKey(o.id, w)), published: teamRow.cells[i]?.state === "shown" }));
  const cells = suppressTable(raw, k, groups);
  // A team week the org map hides (below k, or hidden so the org total cannot give a smaller
  // team away) hides its objectives too: together they add up to the team's week, and with a
  // single objective they are the team's week.
  const hiddenWeek = weeks.map((_, i) => teamRow.cells[i]?.state !== "shown");
  const cellAt = (objectiveId: string, w: string, i: number): Cell => {
    const cell = cells.get(cellKey(objectiveId, w)) ?? { state: "empty" };
    return hiddenWeek[i] && cell.state === "shown" ? { state: "suppressed" } : cell;
  };
  return {
    weeks: [...weeks],
    rows: objectives.map((o) => row(o.id, o.title, weeks.map((w, i) => cellAt(o.id, w, i)))),
    total: { ...teamRow, label: "Whole team" },
  };
}

/** The latest shown mean of a row, looking back no further than `lookback` weeks. */
export function latestShownMean(r: HeatRow, lookback = 2): number | null {
  for (let i = r.cells.length - 1; i >= Math.max(0, r.cells.length - lookback); i--) {
    const c = r.cells[i];
    if (c.state === "shown") return c.mean;
  }
  return null;
}

/** True when the row has a drop flag in its last `lookback` weeks. */
export function recentDrop(r: HeatRow, lookback = 2): boolean {
  return r.drops.slice(-lookback).some(Boolean);
}

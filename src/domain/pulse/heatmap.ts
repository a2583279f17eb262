import type { Cell } from "../anonymity";

/**
 * Heat maps of weekly confidence, as published (built by ./publication.ts). The org map is
 * teams × weeks with an "all teams" row per week; a team's map is objectives × weeks with the
 * team's own week as its total row. Totals are published along the week axis only (no wave
 * totals), so the groups nest: teams within the org's week, objectives within the team's week.
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

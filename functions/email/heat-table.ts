import type { Cell } from "../../src/domain/anonymity";
import { formatDay } from "../../src/domain/calendar";
import type { HeatMap, HeatRow } from "../../src/domain/pulse/heatmap";
import { scoreBand } from "../../src/domain/pulse/scale";
import { html, raw, type SafeHtml } from "./html";

/**
 * A heat map for email: a plain table with inline colours and the number in every shown cell,
 * "fewer than k" (and no number) in suppressed ones, ▼ on drops. It reads with images and
 * colours off, and the text part gets the same grid.
 */

const COLOURS: Record<number, string> = { 1: "#f6c9c3", 2: "#fadcb8", 3: "#f1edc9", 4: "#cfe8d4", 5: "#a9d7b8" };
const TD = "padding:6px 4px;text-align:center;font-size:13px;border:2px solid #ffffff;";

function cellHtml(c: Cell, drop: boolean, k: number): SafeHtml {
  if (c.state === "suppressed") return html`<td style="${raw(TD)}background:#e6ebe9;color:#1d2433;">fewer than ${k}</td>`;
  if (c.state === "empty") return html`<td style="${raw(TD)}background:#ffffff;color:#5b6475;border:1px dashed #b8c0bd;">no votes</td>`;
  return html`<td style="${raw(TD)}background:${COLOURS[scoreBand(c.mean).score]};color:#1d2433;"><strong>${c.mean.toFixed(1)}</strong>${drop ? html`<br><span style="color:#7a1d12;font-weight:700;">▼ dropped</span>` : ""}</td>`;
}

/** The last `lastWeeks` weeks of a heat map (rows and total). */
export function recentWeeks(map: HeatMap, lastWeeks: number): HeatMap {
  const from = Math.max(0, map.weeks.length - lastWeeks);
  const cut = (r: HeatRow): HeatRow => ({ ...r, cells: r.cells.slice(from), drops: r.drops.slice(from) });
  return { weeks: map.weeks.slice(from), rows: map.rows.map(cut), total: cut(map.total) };
}

export function emailHeatTable(map: HeatMap, k: number, rowHeader: string): SafeHtml {
  const rows = [...map.rows, map.total];
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:8px 0 12px 0;border-collapse:collapse;">
<tr><td style="padding:4px;font-size:12px;color:#5b6475;font-weight:700;">${rowHeader}</td>${map.weeks.map((w) => html`<td style="padding:4px;font-size:12px;color:#5b6475;font-weight:700;text-align:center;">Week of ${formatDay(w)}</td>`)}</tr>
${rows.map((r, i) => html`<tr><td style="padding:6px 4px;font-size:13px;${raw(i === rows.length - 1 ? "font-weight:700;border-top:2px solid #1d2433;" : "")}">${r.label}</td>${r.cells.map((c, j) => cellHtml(c, r.drops[j], k))}</tr>`)}
</table>`;
}

/** A cell in words, as the text part and chat posts show it: the mean, "fewer than k" when suppressed, "no votes". */
export function heatCellText(c: Cell, drop: boolean, k: number): string {
  return c.state === "shown"
    ? `${c.mean.toFixed(1)}${drop ? " (dropped)" : ""}`
    : c.state === "suppressed"
      ? `fewer than ${k}`
      : "no votes";
}

/** One line per row (then the total): "Team: 3.8, fewer than 3", weeks in the map's order; for chat posts, which have no grid. */
export function heatRowLines(map: HeatMap, k: number): string[] {
  return [...map.rows, map.total].map((r) => `${r.label}: ${r.cells.map((c, i) => heatCellText(c, r.drops[i], k)).join(", ")}`);
}

export function textHeatTable(map: HeatMap, k: number): string[] {
  const cell = (c: Cell, drop: boolean) => heatCellText(c, drop, k);
  const head = ["", ...map.weeks.map((w) => `Week of ${formatDay(w)}`)];
  const lines = [...map.rows, map.total].map((r) => [r.label, ...r.cells.map((c, i) => cell(c, r.drops[i]))]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [head, ...lines].map((l) =>
    l
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd(),
  );
}

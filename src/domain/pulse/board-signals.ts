import type { BoardModel, TeamView } from "../okr/board";
import { latestShownMean, recentDrop, type HeatMap } from "./heatmap";
import { divergence } from "./signals";

/**
 * Adds what the pulse says to one team: its confidence dropped in the last two weeks (the
 * team's own row, `map.total`, or any of its objectives) makes it need support, and a team
 * objective whose key results and votes disagree carries a divergence alert. Works only from
 * suppressed heat maps, so a hidden cell can never raise or lower a flag.
 */
export function withTeamSignals(team: TeamView, map: HeatMap | undefined): TeamView {
  const objectives = team.objectives.map((o) => {
    const row = map?.rows.find((r) => r.key === o.id);
    return { ...o, divergence: divergence(o.status, row ? latestShownMean(row) : null, o.leadConfidence) };
  });
  const reasons = [...team.supportReasons];
  if (map && (recentDrop(map.total) || map.rows.some((r) => recentDrop(r)))) reasons.push("confidence-drop");
  if (objectives.some((o) => o.divergence)) reasons.push("divergence");
  return { ...team, objectives, supportReasons: reasons };
}

/** The same for every team on the board, keeping org objectives' aligned lists in step. */
export function applySentimentSignals(board: BoardModel, sentiment: { teams: ReadonlyMap<string, HeatMap> }): BoardModel {
  const teams = board.teams.map((team) => withTeamSignals(team, sentiment.teams.get(team.id)));
  const byId = new Map(teams.flatMap((t) => t.objectives.map((o) => [o.id, o] as const)));
  const orgObjectives = board.orgObjectives.map((o) => ({
    ...o,
    teams: o.teams.map((t) => ({ ...t, objectives: t.objectives.map((x) => byId.get(x.id) ?? x) })),
  }));
  return { ...board, teams, orgObjectives, needsSupport: teams.filter((t) => t.supportReasons.length > 0) };
}

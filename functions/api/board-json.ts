import type { BoardView } from "../services/board";

/**
 * The board for API clients: each team once, with its objectives and key results; org
 * objectives name the aligned team objectives by id instead of repeating them.
 */
export function boardJson(view: BoardView) {
  const { board, wave, today, draftWaves, teamCount, sentiment } = view;
  return {
    today,
    wave: wave && { id: wave.id, name: wave.name, startsOn: wave.starts_on, endsOn: wave.ends_on, state: wave.state },
    draftWaves,
    teamCount,
    calendar: board?.calendar ?? null,
    /** Teams × weeks of anonymous confidence, suppressed below k like everywhere else. */
    confidence: sentiment ? { k: sentiment.k, weeks: sentiment.weeks, teams: sentiment.org.rows, allTeams: sentiment.org.total } : null,
    orgObjectives: (board?.orgObjectives ?? []).map((o) => ({
      id: o.id,
      title: o.title,
      kind: o.kind,
      progress: o.progress,
      status: o.status,
      rolledUp: o.rolledUp,
      keyResults: o.keyResults,
      alignedTeamObjectives: o.teams.flatMap((t) => t.objectives.map((x) => ({ teamId: t.teamId, objectiveId: x.id }))),
    })),
    teams: (board?.teams ?? []).map((t) => ({
      id: t.id,
      name: t.name,
      mission: t.mission,
      progress: t.progress,
      status: t.status,
      lastCheckInOn: t.lastCheckInOn,
      daysSinceCheckIn: t.daysSinceCheckIn,
      supportReasons: t.supportReasons,
      objectives: t.objectives.map(({ teamId: _t, kind: _k, ...o }) => o),
    })),
  };
}

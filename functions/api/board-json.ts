import { z } from "zod";
import type { BoardView } from "../services/board";
import { Day, Id, Named } from "./contract/common";
import { CalendarJson, ObjectiveJson, OrgObjectiveJson, teamProgressFields } from "./okr-json";
import { HeatRowJson } from "./pulse-json";

export const BoardJson = z
  .object({
    today: Day,
    wave: z.object({ id: Id, name: z.string(), startsOn: Day, endsOn: Day, state: z.enum(["draft", "active", "completed"]) }).nullable(),
    draftWaves: z.array(Named).meta({ description: "Waves waiting in draft, when none is active." }),
    teamCount: z.int().min(0),
    calendar: CalendarJson.nullable(),
    confidence: z
      .object({ k: z.int().min(1), weeks: z.array(Day), teams: z.array(HeatRowJson), allTeams: HeatRowJson })
      .nullable()
      .meta({ description: "Teams × published weeks of anonymous confidence, suppressed below k." }),
    orgObjectives: z.array(
      OrgObjectiveJson.omit({
        teams: true,
        rationale: true,
        teamId: true,
        parentId: true,
        expected: true,
        leadConfidence: true,
        divergence: true,
      }).extend({
        alignedTeamObjectives: z.array(z.object({ teamId: Id, objectiveId: Id })),
      }),
    ),
    teams: z.array(
      z
        .object({
          id: Id,
          name: z.string(),
          mission: z.string(),
          ...teamProgressFields,
          objectives: z.array(ObjectiveJson.omit({ teamId: true, kind: true })),
        })
        .omit({ expected: true }),
    ),
  })
  .meta({ id: "Board" });

/**
 * The board for API clients: each team once, with its objectives and key results; org
 * objectives name the aligned team objectives by id instead of repeating them.
 */
export function boardJson(view: BoardView): z.infer<typeof BoardJson> {
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

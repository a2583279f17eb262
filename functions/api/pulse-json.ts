import { z } from "zod";
import { Day, Id, Instant, Named } from "./contract/common";

/** One heat-map cell: shown only with k or more respondents, else suppressed (no count, no mean). */
export const CellJson = z
  .discriminatedUnion("state", [
    z.object({ state: z.literal("empty") }),
    z.object({ state: z.literal("suppressed") }),
    z.object({ state: z.literal("shown"), n: z.int().min(1), mean: z.number().min(1).max(5) }),
  ])
  .meta({ id: "HeatCell" });

export const HeatRowJson = z
  .object({
    key: z.string().meta({ description: 'A team or objective id, or "all" for the all-teams row.' }),
    label: z.string(),
    cells: z.array(CellJson).meta({ description: "One per week, in the order of weeks." }),
    drops: z.array(z.boolean()).meta({ description: "Where the mean dropped by 0.75 or more, or two weeks running." }),
  })
  .meta({ id: "HeatRow" });

export const HeatMapJson = z.object({ weeks: z.array(Day), rows: z.array(HeatRowJson), total: HeatRowJson }).meta({ id: "HeatMap" });

export const PulseNextJson = z
  .object({ week: Day, showsAt: Instant })
  .nullable()
  .meta({ description: "The wave's first week not published yet and when it will be; null when every week is." });

export const TeamCommentsJson = z
  .object({
    objectiveId: Id,
    week: Day,
    comments: z.array(z.string()).meta({ description: "Shuffled; only for cells with max(k, 5) votes." }),
  })
  .meta({ id: "PulseComments" });

export const OrgPulseJson = z
  .object({
    wave: Named.nullable(),
    k: z.int().min(1),
    weeks: z.array(Day).meta({ description: "The published weeks, oldest first." }),
    next: PulseNextJson,
    org: HeatMapJson.nullable().meta({ description: "Teams × weeks." }),
    teams: z.record(Id, HeatMapJson).meta({ description: "Objectives × weeks, per team id." }),
  })
  .meta({ id: "OrgPulse" });

export const TeamPulseJson = z
  .object({
    team: Named,
    wave: Named.nullable(),
    k: z.int().min(1),
    next: PulseNextJson,
    map: HeatMapJson.nullable(),
    comments: z.array(TeamCommentsJson),
  })
  .meta({ id: "TeamPulse" });

export const PulseLinkJson = z
  .object({ path: z.string().nullable().meta({ description: "The team's shared pulse link (/p/…); null when revoked." }) })
  .meta({ id: "PulseLink" });
export const PulseModeJson = z.object({ mode: z.enum(["shared", "personal"]) }).meta({ id: "PulseMode" });

/** GET /api/pulse/{token}: what a voter sees, with no figure of anyone else's vote. */
export const PulsePageJson = z
  .object({
    orgName: z.string(),
    k: z.int().min(1),
    promise: z.string().meta({ description: "The anonymity promise, in words." }),
    team: z.object({ id: Id, name: z.string(), declaredSize: z.int().min(0) }),
    link: z.enum(["shared", "personal"]),
    list: z
      .object({ addresses: z.int().min(0), domains: z.array(z.string()), changedOn: Day.nullable(), changedDuringWave: z.boolean() })
      .nullable()
      .meta({ description: "Personal links: how many addresses the team's list holds, their domains, when it last changed." }),
    week: Day,
    weekLabel: z.string(),
    wave: z.object({ id: Id, name: z.string(), startsOn: Day, endsOn: Day }).nullable(),
    closed: z.string().nullable().meta({ description: "Why voting is closed this week, if it is." }),
    objectives: z.array(z.object({ id: Id, title: z.string(), keyResults: z.string(), voted: z.boolean() })),
    full: z.boolean().meta({ description: "True when this browser has no credential and the link takes no new voters." }),
  })
  .meta({ id: "PulsePage" });

export const VoteOutcomeJson = z
  .object({
    recorded: z.boolean().meta({ description: "False for a repeat of a recorded submission: nothing new was stored." }),
    credential: z.string().meta({ description: "Send it in the Pulse-Credential header of later requests." }),
    voted: z.array(Id).meta({ description: "The objectives this credential has rated this week." }),
  })
  .meta({ id: "VoteOutcome" });

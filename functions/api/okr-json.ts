import { z } from "zod";
import type { WaveCalendar } from "../../src/domain/okr/wave";
import type { TeamRow } from "../db/teams";
import type { WaveRow } from "../db/waves";
import type { TeamsOverview } from "../services/teams";
import type { WavePlan } from "../services/waves";
import { Day, Id, Instant } from "./contract/common";

const Percent = z.number().min(0).max(100);
const ProgressStatus = z.enum(["ahead", "on-track", "behind", "no-key-results"]);
const ObjectiveKind = z.enum(["roofshot", "moonshot"]);

export const CalendarJson = z
  .object({
    daysTotal: z.int().min(1),
    daysElapsed: z.int().min(0),
    daysRemaining: z.int().min(0),
    expectedProgress: Percent.meta({ description: "Share of the wave's time used up at the start of today." }),
    phase: z.enum(["upcoming", "running", "ended"]),
  })
  .meta({ id: "WaveCalendar" });

export const KeyResultJson = z
  .object({
    id: Id,
    objectiveId: Id,
    title: z.string(),
    unit: z.string(),
    baseline: z.number(),
    target: z.number(),
    current: z.number(),
    writtenOn: Day.optional().meta({ description: "The day it was written; its expected progress starts then." }),
    confidence: z.int().min(1).max(5).nullable().optional().meta({ description: "The lead's latest confidence, 1–5." }),
    progress: Percent,
    expected: Percent,
  })
  .meta({ id: "KeyResult" });

const objectiveFields = {
  id: Id,
  title: z.string(),
  rationale: z.string().meta({ description: "How a team objective moves the org objective it ladders up to." }),
  parentId: Id.nullable(),
  progress: Percent.nullable().meta({ description: "Mean progress of its key results; null without key results." }),
  expected: Percent,
  status: ProgressStatus,
  leadConfidence: z.number().min(1).max(5).nullable(),
  keyResults: z.array(KeyResultJson),
  divergence: z
    .enum([
      "on-track-but-struggling",
      "behind-but-confident",
      "lead-confident-but-team-struggling",
      "lead-worried-but-team-confident",
      "behind-but-lead-confident",
      "on-track-but-lead-worried",
    ])
    .nullable()
    .optional()
    .meta({ description: "When the team's published pulse disagrees with the key results." }),
};

/** An objective with its key results and where it stands today. */
export const ObjectiveJson = z
  .object({ ...objectiveFields, kind: ObjectiveKind.nullable(), teamId: Id.nullable() })
  .meta({ id: "Objective" });

export const OrgObjectiveJson = ObjectiveJson.extend({
  rolledUp: z.boolean().meta({ description: "True when it has no key results of its own and rolls up its teams'." }),
  teams: z.array(z.object({ teamId: Id, teamName: z.string(), objectives: z.array(ObjectiveJson) })),
}).meta({ id: "OrgObjective" });

const supportReasons = z
  .array(z.enum(["behind", "no-recent-check-in", "confidence-drop", "divergence"]))
  .meta({ description: "Why the team needs support this wave; empty when it does not." });

export const teamProgressFields = {
  progress: Percent.nullable(),
  expected: Percent,
  status: ProgressStatus,
  lastCheckInOn: Day.nullable(),
  daysSinceCheckIn: z.int().min(0).nullable(),
  supportReasons,
};

/** A team's objectives in a wave and how the team stands. */
export const TeamOkrJson = z
  .object({ id: Id, name: z.string(), mission: z.string(), objectives: z.array(ObjectiveJson), ...teamProgressFields })
  .meta({ id: "TeamObjectives" });

export const BoardModelJson = z
  .object({
    calendar: CalendarJson,
    orgObjectives: z.array(OrgObjectiveJson),
    teams: z.array(TeamOkrJson),
    needsSupport: z.array(TeamOkrJson),
  })
  .meta({ id: "WaveBoardModel" });

export const TeamJson = z
  .object({ id: Id, name: z.string(), mission: z.string(), declaredSize: z.int().min(0), createdAt: Instant })
  .meta({ id: "Team" });

/** A team as the JSON API shows it (camelCase, no org id: the URL names the org). */
export function teamJson(t: TeamRow): z.infer<typeof TeamJson> {
  return { id: t.id, name: t.name, mission: t.mission, declaredSize: t.declared_size, createdAt: t.created_at };
}

const Person = z.object({ name: z.string(), email: z.email() });
export const TeamsOverviewJson = z
  .object({
    teams: z.array(
      TeamJson.extend({
        leads: z.array(Person),
        pendingInvites: z.array(Person.extend({ createdAt: Instant })).meta({ description: "Admins only; empty for leads." }),
      }),
    ),
  })
  .meta({ id: "TeamsOverview" });

/** GET /api/orgs/{org}/teams: each team with its leads and, for admins, pending invitations. */
export function teamsOverviewJson(o: TeamsOverview): z.infer<typeof TeamsOverviewJson> {
  return {
    teams: o.teams.map((t) => ({
      ...teamJson(t),
      leads: t.leads.map((l) => ({ name: l.name, email: l.email })),
      pendingInvites: t.pendingInvites.map((i) => ({ name: i.name, email: i.email, createdAt: i.created_at })),
    })),
  };
}

export const WaveJson = z
  .object({
    id: Id,
    name: z.string(),
    startsOn: Day,
    endsOn: Day,
    state: z.enum(["draft", "active", "completed"]),
    createdAt: Instant,
    activatedAt: Instant.nullable(),
    completedAt: Instant.nullable(),
    anonymityK: z.int().min(1).nullable().meta({ description: "The k the wave started with; null while a draft." }),
  })
  .meta({ id: "Wave" });

/** A wave as the JSON API shows it; `anonymityK` is the k it started with (null while a draft). */
export function waveJson(w: WaveRow): z.infer<typeof WaveJson> {
  return {
    id: w.id,
    name: w.name,
    startsOn: w.starts_on,
    endsOn: w.ends_on,
    state: w.state,
    createdAt: w.created_at,
    activatedAt: w.activated_at,
    completedAt: w.completed_at,
    anonymityK: w.anonymity_k,
  };
}

export const WaveListJson = z.object({ waves: z.array(WaveJson.extend({ calendar: CalendarJson })) }).meta({ id: "WaveList" });

/** GET /api/orgs/{org}/waves: each wave with where it stands today. */
export function waveListJson(waves: readonly (WaveRow & { calendar: WaveCalendar })[]): z.infer<typeof WaveListJson> {
  return { waves: waves.map((w) => ({ ...waveJson(w), calendar: w.calendar })) };
}

export const WavePlanJson = z.object({ wave: WaveJson, board: BoardModelJson, today: Day }).meta({ id: "WavePlan" });

/** GET /api/orgs/{org}/waves/{id}: the wave and its plan (the board model is camelCase already). */
export function wavePlanJson(p: WavePlan): z.infer<typeof WavePlanJson> {
  return { wave: waveJson(p.wave), board: p.board, today: p.today };
}

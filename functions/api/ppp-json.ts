import { z } from "zod";
import type { PppSaved } from "../services/ppp-save";
import type { PppSummary } from "../services/ppp-summary";
import type { PppView } from "../services/ppp";
import { problemBoostJson, ProblemBoostJson } from "./boost-json";
import { Day, Id, Instant, Named } from "./contract/common";

const PppState = z.enum(["draft", "submitted"]);
const PlansDone = z
  .object({ done: z.int().min(0), carried: z.int().min(0), percent: z.int().min(0).max(100).nullable() })
  .meta({ id: "PlansDone", description: "Last week's plans marked done or carried over; percent is null when none were reviewed." });
const PlanOutcome = z.enum(["done", "carried"]);
const Reviews = z.record(Id, PlanOutcome).meta({ description: "The verdict on each plan of the previous PPP, by its thread id." });

const PppItem = z
  .object({
    text: z.string(),
    objectiveId: Id.nullable(),
    objectiveTitle: z.string().nullable(),
    thread: Id.meta({ description: "Stays the same while a plan or problem is carried from week to week." }),
    sinceWeek: Day,
    weeksOpen: z.int().min(1),
    carried: z.boolean(),
  })
  .meta({ id: "PppItem" });
const PppDraftItem = z.object({ text: z.string(), objectiveId: Id.nullable().optional(), thread: Id.optional() });

export const TeamPppJson = z
  .object({
    team: Named,
    week: Day,
    currentWeek: Day,
    weekProblem: z.string().nullable().meta({ description: "Why nobody can write a PPP for this week, or null." }),
    canEdit: z.boolean(),
    canAskBoost: z.boolean(),
    dueWeekday: z.int().min(1).max(7),
    ppp: z
      .object({
        state: PppState,
        notes: z.string(),
        submittedAt: Instant.nullable(),
        editedAt: Instant.nullable(),
        updatedAt: Instant,
        personName: z.string().nullable(),
      })
      .nullable(),
    progress: z.array(PppItem),
    plans: z.array(PppItem),
    problems: z.array(PppItem),
    reviews: Reviews,
    plansDone: PlansDone.nullable(),
    previous: z.object({ week: Day, plans: z.array(PppItem), problems: z.array(PppItem) }).nullable(),
    objectives: z.array(z.object({ id: Id, title: z.string(), waveName: z.string() })),
    history: z.array(
      z.object({
        week: Day,
        state: z.enum(["draft", "submitted", "missing"]),
        submittedAt: Instant.nullable(),
        editedAt: Instant.nullable(),
        plansDone: PlansDone,
        problems: z.int().min(0),
      }),
    ),
    problemBoosts: z.record(Id, ProblemBoostJson).meta({ description: "The latest boost asked for each problem, by thread id." }),
    draft: z
      .object({
        progress: z.array(PppDraftItem),
        plans: z.array(PppDraftItem),
        problems: z.array(PppDraftItem),
        notes: z.string(),
        reviews: Reviews,
      })
      .meta({ description: "What the form starts from: the saved PPP, or for a new week last week's problems carried over." }),
  })
  .meta({ id: "TeamPpp" });

/** GET /api/orgs/{org}/teams/{team}/ppp[/{week}]: the team's PPP of a week, as the page shows it. */
export function teamPppJson(v: PppView): z.infer<typeof TeamPppJson> {
  return {
    ...v,
    objectives: v.objectives.map((o) => ({ id: o.id, title: o.title, waveName: o.wave_name })),
    problemBoosts: Object.fromEntries(Object.entries(v.problemBoosts).map(([thread, b]) => [thread, problemBoostJson(b)])),
  };
}

export const PppSavedJson = z
  .object({
    week: Day,
    state: PppState,
    savedAt: Instant,
    edited: z.boolean().meta({ description: "True when a submitted PPP was changed." }),
    threads: z
      .object({ progress: z.array(Id), plans: z.array(Id), problems: z.array(Id) })
      .meta({ description: "The thread id of each saved item, in the order sent." }),
  })
  .meta({ id: "PppSaved" });

export function pppSavedJson(s: PppSaved): z.infer<typeof PppSavedJson> {
  return { week: s.week, state: s.state, savedAt: s.savedAt, edited: s.edited, threads: s.threads };
}

export const PppSummaryJson = z
  .object({
    week: Day,
    currentWeek: Day,
    weekProblem: z.string().nullable(),
    dueWeekday: z.int().min(1).max(7),
    teams: z.array(
      z.object({
        id: Id,
        name: z.string(),
        posted: z.boolean(),
        submittedAt: Instant.nullable(),
        editedAt: Instant.nullable(),
        postedBy: z.string().nullable(),
        plansDone: PlansDone,
        progress: z.int().min(0),
        problems: z.int().min(0),
      }),
    ),
    postedCount: z.int().min(0),
    openProblems: z.array(
      z.object({
        teamId: Id,
        teamName: z.string(),
        text: z.string(),
        thread: Id,
        sinceWeek: Day,
        weeksOpen: z.int().min(1),
        boost: ProblemBoostJson.nullable(),
      }),
    ),
    progressByObjective: z.array(
      z.object({
        orgObjectiveId: Id.nullable(),
        title: z.string(),
        items: z.array(z.object({ teamId: Id, teamName: z.string(), text: z.string(), objectiveTitle: z.string().nullable() })),
      }),
    ),
    notes: z.array(z.object({ teamId: Id, teamName: z.string(), notes: z.string() })),
  })
  .meta({ id: "PppSummary" });

/** GET /api/orgs/{org}/ppp: leadership's weekly summary. */
export function pppSummaryJson(s: PppSummary): z.infer<typeof PppSummaryJson> {
  return { ...s, openProblems: s.openProblems.map((p) => ({ ...p, boost: p.boost && problemBoostJson(p.boost) })) };
}

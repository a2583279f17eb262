import { addDays, isIsoDate, weekStart } from "../../src/domain/calendar";
import { plansDone, plansDoneOf, weeksOpen, type PlanOutcome, type PlansDone } from "../../src/domain/ppp/ageing";
import type { PppDraft } from "../../src/domain/ppp/draft";
import { currentWeek, pppWeekProblem, recentWeeks } from "../../src/domain/ppp/week";
import { problemBoostsStatement, type ProblemBoostRow } from "../db/boosts";
import {
  itemsOfPreviousStatement,
  itemsOfWeekStatement,
  pppOfWeekStatement,
  previousPppStatement,
  reviewsOfWeekStatement,
  teamHistoryStatement,
  teamObjectivesForWeekStatement,
  type ObjectiveOptionRow,
  type PlanReviewRow,
  type PppItemReadRow,
  type PppRow,
  type PppState,
} from "../db/ppp";
import { pppDueWeekdayStatement } from "../db/ppp-settings";
import { canActForTeam, type OrgAccess } from "./access";
import { notFound, validationFailed } from "./errors";
import { isId } from "../../src/schemas/fields";
import { teamStatement } from "../db/teams";
import { getTeam } from "./teams";
import { batchPart, batchParts, joinParts, type BatchPart, type BatchResults } from "../db/typed";

/** How many weeks of history the PPP page lists. */
const HISTORY_WEEKS = 8;

export interface PppItemView {
  text: string;
  objectiveId: string | null;
  objectiveTitle: string | null;
  thread: string;
  /** The week the plan or problem first appeared. */
  sinceWeek: string;
  /** 1 when new in the week shown. */
  weeksOpen: number;
  /** A plan carried over from the previous PPP. */
  carried: boolean;
}

export interface PppView {
  team: { id: string; name: string };
  week: string;
  currentWeek: string;
  /** Why nobody can write a PPP for this week (not started, too far back), or null. */
  weekProblem: string | null;
  canEdit: boolean;
  /** Only the team's own lead asks other teams for a boost (admins read along). */
  canAskBoost: boolean;
  dueWeekday: number;
  /** The PPP of the week; a draft only for those who can edit it. */
  ppp: {
    state: PppState;
    notes: string;
    submittedAt: string | null;
    editedAt: string | null;
    updatedAt: string;
    personName: string | null;
  } | null;
  progress: PppItemView[];
  plans: PppItemView[];
  problems: PppItemView[];
  reviews: Record<string, PlanOutcome>;
  plansDone: PlansDone | null;
  /** The latest submitted PPP before this week: its plans get a verdict, its problems come back. */
  previous: { week: string; plans: PppItemView[]; problems: PppItemView[] } | null;
  objectives: ObjectiveOptionRow[];
  history: {
    week: string;
    state: PppState | "missing";
    submittedAt: string | null;
    editedAt: string | null;
    plansDone: PlansDone;
    problems: number;
  }[];
  /** The latest boost asked for each of the team's problems, by thread. */
  problemBoosts: Record<string, ProblemBoostRow>;
  /** What the form starts from: the saved PPP, or for a new week last week's problems carried over. */
  draft: PppDraft;
}

/** The Monday of the week a date (YYYY-MM-DD) falls in; a malformed date is a 400. */
export function parseWeek(value: string): string {
  if (!isIsoDate(value)) throw validationFailed([{ field: "week", issue: "The week must be a date written YYYY-MM-DD." }]);
  return weekStart(value);
}

function itemView(row: PppItemReadRow, week: string, carried = false): PppItemView {
  return {
    text: row.body,
    objectiveId: row.objective_id,
    objectiveTitle: row.objective_title,
    thread: row.thread_id,
    sinceWeek: row.since_week,
    weeksOpen: weeksOpen(row.since_week, week),
    carried,
  };
}

/** The statements that read a team's PPP of a week with what the form needs; shared with saving. */
export function pppReadStatements(db: D1Database, orgId: string, teamId: string, week: string) {
  return [
    pppOfWeekStatement(db, orgId, teamId, week),
    itemsOfWeekStatement(db, orgId, teamId, week),
    reviewsOfWeekStatement(db, orgId, teamId, week),
    previousPppStatement(db, orgId, teamId, week),
    itemsOfPreviousStatement(db, orgId, teamId, week),
    teamObjectivesForWeekStatement(db, orgId, teamId, week, addDays(week, 6)),
  ] as const;
}

export type PppReadResults = BatchResults<ReturnType<typeof pppReadStatements>>;

export interface PppReadRows {
  ppp: (PppRow & { person_name: string | null }) | null;
  items: PppItemReadRow[];
  reviews: PlanReviewRow[];
  previous: PppRow | null;
  previousItems: PppItemReadRow[];
  objectives: ObjectiveOptionRow[];
}

export function pppReadRows(results: PppReadResults): PppReadRows {
  const [ppp, items, reviews, previous, previousItems, objectives] = results;
  return {
    ppp: ppp.results[0] ?? null,
    items: items.results,
    reviews: reviews.results,
    previous: previous.results[0] ?? null,
    previousItems: previousItems.results,
    objectives: objectives.results,
  };
}

/**
 * A team's PPP for a week (the current week when `weekParam` is null), last week's plans and
 * problems, the objectives items can link to, and the team's recent weeks. One batch, the
 * team check included: another org's team is 404.
 */
export async function getPpp(db: D1Database, access: OrgAccess, teamId: string, weekParam: string | null, now: Date): Promise<PppView> {
  if (!isId(teamId)) throw notFound("That team");
  // Another org's team is 404 before a malformed week is 400, as it always was.
  if (weekParam !== null && !isIsoDate(weekParam)) await getTeam(db, access, teamId);
  const [view] = await batchParts(db, [pppViewPart(db, access, teamId, weekParam, now)]);
  return view;
}

/** The team check and the rest of the PPP view's reads, beside the PPP's own. */
function pppOwnStatements(db: D1Database, orgId: string, teamId: string) {
  return [
    teamStatement(db, orgId, teamId),
    teamHistoryStatement(db, orgId, teamId, HISTORY_WEEKS + 4),
    problemBoostsStatement(db, orgId, teamId),
    pppDueWeekdayStatement(db, orgId),
  ] as const;
}

/** getPpp's reads for a caller's batch (the team report preview); its result throws 404 for another org's team. */
export function pppViewPart(db: D1Database, access: OrgAccess, teamId: string, weekParam: string | null, now: Date): BatchPart<PppView> {
  const current = currentWeek(now, access.org.time_zone);
  const week = weekParam === null ? current : parseWeek(weekParam);
  return joinParts(
    [
      batchPart(pppReadStatements(db, access.org.id, teamId, week), (r) => r),
      batchPart(pppOwnStatements(db, access.org.id, teamId), (r) => r),
    ],
    ([read, own]) => pppViewFromResults(access, week, current, read, own),
  );
}

function pppViewFromResults(
  access: OrgAccess,
  week: string,
  current: string,
  read: BatchResults<ReturnType<typeof pppReadStatements>>,
  [teamRows, historyRows, boostRows, due]: BatchResults<ReturnType<typeof pppOwnStatements>>,
): PppView {
  const team = teamRows.results[0];
  if (!team) throw notFound("That team");
  const canEdit = canActForTeam(access, team.id);
  const rows = pppReadRows(read);
  const history = historyRows.results;
  const boosts = boostRows.results;
  const dueWeekday = due.results[0]?.ppp_due_weekday ?? 5;

  const visible = rows.ppp && (rows.ppp.state === "submitted" || canEdit) ? rows.ppp : null;
  const items = visible ? rows.items : [];
  const reviews = Object.fromEntries((visible ? rows.reviews : []).map((r) => [r.thread_id, r.outcome]));
  const carried = new Set(
    Object.entries(reviews)
      .filter(([, o]) => o === "carried")
      .map(([t]) => t),
  );
  const ofKind = (kind: PppItemReadRow["kind"]) =>
    items.filter((i) => i.kind === kind).map((i) => itemView(i, week, kind === "plan" && carried.has(i.thread_id)));
  const previousOf = (kind: PppItemReadRow["kind"]) => rows.previousItems.filter((i) => i.kind === kind).map((i) => itemView(i, week));
  const progress = ofKind("progress");
  const plans = ofKind("plan");
  const problems = ofKind("problem");
  const previous = rows.previous ? { week: rows.previous.week_start, plans: previousOf("plan"), problems: previousOf("problem") } : null;
  const toDraft = (i: PppItemView) => ({ text: i.text, objectiveId: i.objectiveId, thread: i.thread });
  // The form marks only plans the previous PPP still has (it may have been edited since).
  const reviewable = new Set(previous?.plans.map((p) => p.thread));
  const draft: PppDraft = visible
    ? {
        progress: progress.map(toDraft),
        plans: plans.filter((p) => !p.carried).map(toDraft),
        problems: problems.map(toDraft),
        notes: visible.notes,
        reviews: Object.fromEntries(Object.entries(reviews).filter(([t]) => reviewable.has(t))),
      }
    : { progress: [], plans: [], problems: (previous?.problems ?? []).map(toDraft), notes: "", reviews: {} };

  const byWeek = new Map(history.map((h) => [h.week_start, h]));
  return {
    team: { id: team.id, name: team.name },
    week,
    currentWeek: current,
    weekProblem: pppWeekProblem(week, current),
    canEdit,
    canAskBoost: access.teamId === team.id,
    dueWeekday,
    ppp: visible && {
      state: visible.state,
      notes: visible.notes,
      submittedAt: visible.submitted_at,
      editedAt: visible.edited_at,
      updatedAt: visible.updated_at,
      personName: visible.person_name,
    },
    progress,
    plans,
    problems,
    reviews,
    plansDone: Object.keys(reviews).length ? plansDone(Object.values(reviews)) : null,
    previous,
    objectives: rows.objectives,
    history: recentWeeks(current, HISTORY_WEEKS).map((w) => {
      const h = byWeek.get(w);
      const shown = h && (h.state === "submitted" || canEdit) ? h : null;
      return {
        week: w,
        state: shown ? shown.state : "missing",
        submittedAt: shown?.submitted_at ?? null,
        editedAt: shown?.edited_at ?? null,
        plansDone: plansDoneOf(shown?.plans_done ?? 0, shown?.plans_reviewed ?? 0),
        problems: shown?.problems ?? 0,
      };
    }),
    problemBoosts: Object.fromEntries(boosts.map((b) => [b.problem_thread_id, b])),
    draft,
  };
}

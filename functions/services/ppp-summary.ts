import { plansDoneOf, weeksOpen, type PlansDone } from "../../src/domain/ppp/ageing";
import { currentWeek, pppWeekProblem } from "../../src/domain/ppp/week";
import { problemBoostsStatement, type ProblemBoostRow } from "../db/boosts";
import {
  reviewTalliesOfWeekStatement,
  submittedItemsOfWeekStatement,
  submittedPppsOfWeekStatement,
  type SummaryItemRow,
} from "../db/ppp-summary";
import { pppDueWeekdayStatement } from "../db/ppp-settings";
import { listTeamsStatement } from "../db/teams";
import type { OrgAccess } from "./access";
import { parseWeek } from "./ppp";
import { batchPart, batchParts, type BatchPart, type BatchResults } from "../db/typed";

export interface PppSummary {
  week: string;
  currentWeek: string;
  /** Set when the week has not started: nothing can be posted for it yet. */
  weekProblem: string | null;
  dueWeekday: number;
  teams: {
    id: string;
    name: string;
    posted: boolean;
    submittedAt: string | null;
    editedAt: string | null;
    postedBy: string | null;
    plansDone: PlansDone;
    progress: number;
    problems: number;
  }[];
  postedCount: number;
  /** Every problem of the week's PPPs, the longest open first. */
  openProblems: {
    teamId: string;
    teamName: string;
    text: string;
    thread: string;
    sinceWeek: string;
    weeksOpen: number;
    boost: ProblemBoostRow | null;
  }[];
  /** The week's progress items under the org objective their team objective aligns to; unlinked last. */
  progressByObjective: {
    orgObjectiveId: string | null;
    title: string;
    items: { teamId: string; teamName: string; text: string; objectiveTitle: string | null }[];
  }[];
  /** Questions and risks the teams wrote. */
  notes: { teamId: string; teamName: string; notes: string }[];
}

/**
 * Leadership's weekly summary: who has posted and who has not, every open problem with its
 * age, and progress grouped by org objective. One batch of six statements whatever the size.
 */
export async function getPppSummary(db: D1Database, access: OrgAccess, weekParam: string | null, now: Date): Promise<PppSummary> {
  const [summary] = await batchParts(db, [pppSummaryPart(db, access, weekParam, now)]);
  return summary;
}

/** getPppSummary's reads for a caller's batch (the weekly reports add theirs to it). */
export function pppSummaryPart(db: D1Database, access: OrgAccess, weekParam: string | null, now: Date): BatchPart<PppSummary> {
  const current = currentWeek(now, access.org.time_zone);
  const week = weekParam === null ? current : parseWeek(weekParam);
  const orgId = access.org.id;
  return batchPart(
    [
      listTeamsStatement(db, orgId),
      submittedPppsOfWeekStatement(db, orgId, week),
      submittedItemsOfWeekStatement(db, orgId, week),
      reviewTalliesOfWeekStatement(db, orgId, week),
      problemBoostsStatement(db, orgId, null),
      pppDueWeekdayStatement(db, orgId),
    ] as const,
    (results) => pppSummaryFromResults(week, current, results),
  );
}

function pppSummaryFromResults(
  week: string,
  current: string,
  [teamsResult, pppsResult, itemsResult, talliesResult, boostsResult, dueResult]: BatchResults<
    readonly [
      ReturnType<typeof listTeamsStatement>,
      ReturnType<typeof submittedPppsOfWeekStatement>,
      ReturnType<typeof submittedItemsOfWeekStatement>,
      ReturnType<typeof reviewTalliesOfWeekStatement>,
      ReturnType<typeof problemBoostsStatement>,
      ReturnType<typeof pppDueWeekdayStatement>,
    ]
  >,
): PppSummary {
  const teams = teamsResult.results;
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const ppps = new Map(pppsResult.results.map((p) => [p.team_id, p]));
  const items = itemsResult.results;
  const tallies = new Map(talliesResult.results.map((t) => [t.team_id, t]));
  const boosts = new Map(boostsResult.results.map((b) => [b.problem_thread_id, b]));
  const count = (teamId: string, kind: SummaryItemRow["kind"]) => items.filter((i) => i.team_id === teamId && i.kind === kind).length;

  const rows = teams.map((t) => {
    const p = ppps.get(t.id);
    const tally = tallies.get(t.id);
    return {
      id: t.id,
      name: t.name,
      posted: Boolean(p),
      submittedAt: p?.submitted_at ?? null,
      editedAt: p?.edited_at ?? null,
      postedBy: p?.person_name ?? null,
      plansDone: plansDoneOf(tally?.done ?? 0, tally?.reviewed ?? 0),
      progress: count(t.id, "progress"),
      problems: count(t.id, "problem"),
    };
  });

  const openProblems = items
    .filter((i) => i.kind === "problem")
    .map((i) => ({
      teamId: i.team_id,
      teamName: teamName.get(i.team_id) ?? "",
      text: i.body,
      thread: i.thread_id,
      sinceWeek: i.since_week,
      weeksOpen: weeksOpen(i.since_week, week),
      boost: boosts.get(i.thread_id) ?? null,
    }))
    .sort((a, b) => b.weeksOpen - a.weeksOpen || a.teamName.localeCompare(b.teamName));

  const groups = new Map<string, PppSummary["progressByObjective"][number]>();
  for (const i of items.filter((x) => x.kind === "progress")) {
    const key = i.org_objective_id ?? "";
    const group = groups.get(key) ?? {
      orgObjectiveId: i.org_objective_id,
      title: i.org_objective_title ?? "Not linked to an objective",
      items: [],
    };
    group.items.push({ teamId: i.team_id, teamName: teamName.get(i.team_id) ?? "", text: i.body, objectiveTitle: i.objective_title });
    groups.set(key, group);
  }
  const progressByObjective = [...groups.values()].sort((a, b) => Number(a.orgObjectiveId === null) - Number(b.orgObjectiveId === null));

  return {
    week,
    currentWeek: current,
    weekProblem: pppWeekProblem(week, current),
    dueWeekday: dueResult.results[0]?.ppp_due_weekday ?? 5,
    teams: rows,
    postedCount: rows.filter((r) => r.posted).length,
    openProblems,
    progressByObjective,
    notes: teams.flatMap((t) => {
      const notes = ppps.get(t.id)?.notes.trim();
      return notes ? [{ teamId: t.id, teamName: t.name, notes }] : [];
    }),
  };
}

import type { FieldIssue } from "../../src/schemas/common";
import { currentWeek, pppWeekProblem } from "../../src/domain/ppp/week";
import { PPP_KINDS, pppSchema, type PppInput, type PppKind } from "../../src/schemas/ppp";
import { savePppStatements, type PppItemKind, type PppItemRow, type PppState } from "../db/ppp";
import { requireTeamActor, type OrgAccess } from "./access";
import { validationFailed } from "./errors";
import { parseWeek, pppReadRows, pppReadStatements, type PppReadRows } from "./ppp";
import { getTeam } from "./teams";
import { randomToken } from "./tokens";
import { parseInput } from "./validate";
import { batch } from "../db/typed";
import { emitPppSubmitted } from "./webhook-events";

const ROW_KIND: Record<PppKind, PppItemKind> = { progress: "progress", plans: "plan", problems: "problem" };

export interface PppSaved {
  week: string;
  state: PppState;
  savedAt: string;
  /** True when a published PPP was changed. */
  edited: boolean;
  /** The thread id of each saved item, in the order sent (plans: the new ones only). */
  threads: Record<PppKind, string[]>;
}

/** What the input may not say, given last week's PPP and the team's objectives. */
function inputIssues(data: PppInput, rows: PppReadRows, submit: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const previousPlans = rows.previousItems.filter((i) => i.kind === "plan");
  const planThreads = new Set(previousPlans.map((p) => p.thread_id));
  for (const thread of Object.keys(data.reviews)) {
    if (!planThreads.has(thread))
      issues.push({ field: `reviews.${thread}`, issue: "That plan is not one of last week's plans. Reload the page and try again." });
  }
  const objectives = new Set(rows.objectives.map((o) => o.id));
  for (const kind of PPP_KINDS) {
    data[kind].forEach((item, i) => {
      if (item.objectiveId && !objectives.has(item.objectiveId))
        issues.push({ field: `${kind}.${i}.objectiveId`, issue: "Choose one of your team's objectives for this week." });
    });
  }
  if (submit) {
    for (const p of previousPlans) {
      if (!data.reviews[p.thread_id])
        issues.push({ field: `reviews.${p.thread_id}`, issue: "Mark this plan done or carried over before submitting." });
    }
    const carried = Object.values(data.reviews).filter((o) => o === "carried").length;
    if (data.progress.length + data.plans.length + data.problems.length + carried === 0) {
      issues.push({ field: "progress", issue: "Write at least one item of Progress, Plans or Problems before submitting." });
    }
  }
  return issues;
}

/**
 * The rows to store. Items keep their thread when it is theirs to keep: an item saved before
 * in this PPP, or a problem carried from last week (which keeps the week it was first
 * raised, so it ages). Plans carried over come first among the plans. Anything else is new.
 */
function itemRows(
  data: PppInput,
  rows: PppReadRows,
  week: string,
): { items: Omit<PppItemRow, "ppp_id">[]; threads: Record<PppKind, string[]> } {
  const carriedPlans = rows.previousItems.filter((i) => i.kind === "plan" && data.reviews[i.thread_id] === "carried");
  const used = new Set(carriedPlans.map((p) => p.thread_id));
  const saved = new Map(rows.items.map((i) => [`${i.kind}:${i.thread_id}`, i.since_week]));
  const raised = new Map(rows.previousItems.filter((i) => i.kind === "problem").map((i) => [i.thread_id, i.since_week]));
  const claim = (kind: PppItemKind, thread: string | undefined): { thread: string; since: string } => {
    const since =
      thread && !used.has(thread) ? (saved.get(`${kind}:${thread}`) ?? (kind === "problem" ? raised.get(thread) : undefined)) : undefined;
    const id = since ? (thread as string) : randomToken(16);
    used.add(id);
    return { thread: id, since: since ?? week };
  };

  const items: Omit<PppItemRow, "ppp_id">[] = carriedPlans.map((p, position) => ({
    kind: "plan",
    position,
    body: p.body,
    objective_id: p.objective_id,
    thread_id: p.thread_id,
    since_week: p.since_week,
  }));
  const threads: Record<PppKind, string[]> = { progress: [], plans: [], problems: [] };
  for (const kind of PPP_KINDS) {
    const offset = kind === "plans" ? carriedPlans.length : 0;
    data[kind].forEach((item, i) => {
      const { thread, since } = claim(ROW_KIND[kind], item.thread);
      threads[kind].push(thread);
      items.push({
        kind: ROW_KIND[kind],
        position: offset + i,
        body: item.text,
        objective_id: item.objectiveId,
        thread_id: thread,
        since_week: since,
      });
    });
  }
  return { items, threads };
}

/**
 * Saves the team's PPP for a week: as a draft, or submitted (published to the org). Saving a
 * published PPP keeps it published and records that it was edited. A week that has not
 * started, a sixth item, an empty item, an objective of another team: 400, nothing written.
 */
export async function savePpp(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  weekParam: string,
  input: unknown,
  mode: "draft" | "submit",
  now: Date,
): Promise<PppSaved> {
  const team = await getTeam(db, access, teamId);
  requireTeamActor(access, team.id);
  const week = parseWeek(weekParam);
  const problem = pppWeekProblem(week, currentWeek(now, access.org.time_zone));
  if (problem) throw validationFailed([{ field: "week", issue: problem }], problem);
  const data = parseInput(pppSchema, input);
  const rows = pppReadRows(await batch(db, pppReadStatements(db, access.org.id, team.id, week)));
  const issues = inputIssues(data, rows, mode === "submit");
  if (issues.length) throw validationFailed(issues);

  const { items, threads } = itemRows(data, rows, week);
  const at = now.toISOString();
  await db.batch(
    savePppStatements(db, {
      id: randomToken(16),
      orgId: access.org.id,
      teamId: team.id,
      week,
      notes: data.notes,
      submit: mode === "submit",
      personId: access.viewer.personId,
      at,
      items,
      reviews: Object.entries(data.reviews).map(([thread_id, outcome]) => ({ thread_id, outcome })),
    }),
  );
  const wasPublished = rows.ppp?.state === "submitted";
  if (mode === "submit") await emitPppSubmitted(db, access, { id: team.id, name: team.name }, week, now);
  return { week, state: wasPublished || mode === "submit" ? "submitted" : "draft", savedAt: at, edited: wasPublished, threads };
}

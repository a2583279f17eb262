import { typed, type Typed } from "./typed";
/** The org's submitted PPPs of one week, for leadership's summary: a fixed set of statements. */

export interface SummaryPppRow {
  id: string;
  team_id: string;
  notes: string;
  submitted_at: string;
  edited_at: string | null;
  person_name: string | null;
}

export function submittedPppsOfWeekStatement(db: D1Database, orgId: string, week: string): Typed<SummaryPppRow> {
  return typed<SummaryPppRow>(
    db
      .prepare(
        `SELECT p.id, p.team_id, p.notes, p.submitted_at, p.edited_at, pe.name AS person_name
       FROM ppps p LEFT JOIN people pe ON pe.id = p.person_id
       WHERE p.org_id = ?1 AND p.week_start = ?2 AND p.state = 'submitted'`,
      )
      .bind(orgId, week),
  );
}

export interface SummaryItemRow {
  team_id: string;
  kind: "progress" | "plan" | "problem";
  position: number;
  body: string;
  thread_id: string;
  since_week: string;
  objective_id: string | null;
  objective_title: string | null;
  org_objective_id: string | null;
  org_objective_title: string | null;
}

/** Every item of the week's submitted PPPs, with the team objective it links to and that objective's org objective. */
export function submittedItemsOfWeekStatement(db: D1Database, orgId: string, week: string): Typed<SummaryItemRow> {
  return typed<SummaryItemRow>(
    db
      .prepare(
        `SELECT p.team_id, i.kind, i.position, i.body, i.thread_id, i.since_week, i.objective_id,
         o.title AS objective_title, parent.id AS org_objective_id, parent.title AS org_objective_title
       FROM ppp_items i JOIN ppps p ON p.id = i.ppp_id JOIN teams t ON t.id = p.team_id
       LEFT JOIN objectives o ON o.id = i.objective_id AND o.org_id = ?1
       LEFT JOIN objectives parent ON parent.id = o.parent_id
       WHERE p.org_id = ?1 AND p.week_start = ?2 AND p.state = 'submitted'
       ORDER BY parent.created_at, parent.rowid, t.name, i.kind, i.position`,
      )
      .bind(orgId, week),
  );
}

/** Per team: how many of last week's plans this week's submitted PPP marks done, of how many reviewed. */
export function reviewTalliesOfWeekStatement(
  db: D1Database,
  orgId: string,
  week: string,
): Typed<{ team_id: string; done: number; reviewed: number }> {
  return typed<{ team_id: string; done: number; reviewed: number }>(
    db
      .prepare(
        `SELECT p.team_id, SUM(r.outcome = 'done') AS done, COUNT(*) AS reviewed
       FROM ppp_plan_reviews r JOIN ppps p ON p.id = r.ppp_id
       WHERE p.org_id = ?1 AND p.week_start = ?2 AND p.state = 'submitted' GROUP BY p.team_id`,
      )
      .bind(orgId, week),
  );
}

import { typed, type Typed } from "./typed";
import type { PlanOutcome } from "../../src/domain/ppp/ageing";

export type PppState = "draft" | "submitted";
export type PppItemKind = "progress" | "plan" | "problem";

export interface PppRow {
  id: string;
  org_id: string;
  team_id: string;
  week_start: string;
  notes: string;
  state: PppState;
  person_id: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  edited_at: string | null;
}

export interface PppItemRow {
  ppp_id: string;
  kind: PppItemKind;
  position: number;
  body: string;
  objective_id: string | null;
  thread_id: string;
  since_week: string;
}

/** An item as read back, with the title of the objective it links to. */
export interface PppItemReadRow extends PppItemRow {
  objective_title: string | null;
}

export interface PlanReviewRow {
  ppp_id: string;
  thread_id: string;
  outcome: PlanOutcome;
}

const PPP_COLUMNS =
  "p.id, p.org_id, p.team_id, p.week_start, p.notes, p.state, p.person_id, p.created_at, p.updated_at, p.submitted_at, p.edited_at";
const ITEM_COLUMNS = "i.ppp_id, i.kind, i.position, i.body, i.objective_id, i.thread_id, i.since_week, o.title AS objective_title";
const ITEM_FROM = "ppp_items i LEFT JOIN objectives o ON o.id = i.objective_id";

/** The team's PPP of that week (any state), with the name of who saved it last. */
export function pppOfWeekStatement(
  db: D1Database,
  orgId: string,
  teamId: string,
  week: string,
): Typed<PppRow & { person_name: string | null }> {
  return typed<PppRow & { person_name: string | null }>(
    db
      .prepare(
        `SELECT ${PPP_COLUMNS}, pe.name AS person_name FROM ppps p LEFT JOIN people pe ON pe.id = p.person_id WHERE p.org_id = ?1 AND p.team_id = ?2 AND p.week_start = ?3`,
      )
      .bind(orgId, teamId, week),
  );
}

export function itemsOfWeekStatement(db: D1Database, orgId: string, teamId: string, week: string): Typed<PppItemReadRow> {
  return typed<PppItemReadRow>(
    db
      .prepare(
        `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} JOIN ppps p ON p.id = i.ppp_id WHERE p.org_id = ?1 AND p.team_id = ?2 AND p.week_start = ?3 ORDER BY i.kind, i.position`,
      )
      .bind(orgId, teamId, week),
  );
}

export function reviewsOfWeekStatement(db: D1Database, orgId: string, teamId: string, week: string): Typed<PlanReviewRow> {
  return typed<PlanReviewRow>(
    db
      .prepare(
        "SELECT r.ppp_id, r.thread_id, r.outcome FROM ppp_plan_reviews r JOIN ppps p ON p.id = r.ppp_id WHERE p.org_id = ?1 AND p.team_id = ?2 AND p.week_start = ?3",
      )
      .bind(orgId, teamId, week),
  );
}

/** The id of the team's latest submitted PPP before `week`, as a subquery over ?1 org, ?2 team, ?3 week. */
const PREVIOUS_PPP =
  "(SELECT id FROM ppps WHERE org_id = ?1 AND team_id = ?2 AND state = 'submitted' AND week_start < ?3 ORDER BY week_start DESC LIMIT 1)";

/** The team's latest submitted PPP before `week`: the one whose plans and problems come back. */
export function previousPppStatement(db: D1Database, orgId: string, teamId: string, week: string): Typed<PppRow> {
  return typed<PppRow>(db.prepare(`SELECT ${PPP_COLUMNS} FROM ppps p WHERE p.id = ${PREVIOUS_PPP}`).bind(orgId, teamId, week));
}

export function itemsOfPreviousStatement(db: D1Database, orgId: string, teamId: string, week: string): Typed<PppItemReadRow> {
  return typed<PppItemReadRow>(
    db
      .prepare(
        `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.ppp_id = ${PREVIOUS_PPP} AND i.kind IN ('plan', 'problem') ORDER BY i.kind, i.position`,
      )
      .bind(orgId, teamId, week),
  );
}

export interface PppHistoryRow {
  week_start: string;
  state: PppState;
  submitted_at: string | null;
  edited_at: string | null;
  progress: number;
  plans: number;
  problems: number;
  plans_done: number;
  plans_reviewed: number;
}

/** The team's latest PPPs, newest first, with item counts and the plans-done tally. */
export function teamHistoryStatement(db: D1Database, orgId: string, teamId: string, limit: number): Typed<PppHistoryRow> {
  return typed<PppHistoryRow>(
    db
      .prepare(
        `SELECT p.week_start, p.state, p.submitted_at, p.edited_at,
         (SELECT COUNT(*) FROM ppp_items i WHERE i.ppp_id = p.id AND i.kind = 'progress') AS progress,
         (SELECT COUNT(*) FROM ppp_items i WHERE i.ppp_id = p.id AND i.kind = 'plan') AS plans,
         (SELECT COUNT(*) FROM ppp_items i WHERE i.ppp_id = p.id AND i.kind = 'problem') AS problems,
         (SELECT COUNT(*) FROM ppp_plan_reviews r WHERE r.ppp_id = p.id AND r.outcome = 'done') AS plans_done,
         (SELECT COUNT(*) FROM ppp_plan_reviews r WHERE r.ppp_id = p.id) AS plans_reviewed
       FROM ppps p WHERE p.org_id = ?1 AND p.team_id = ?2 ORDER BY p.week_start DESC LIMIT ?3`,
      )
      .bind(orgId, teamId, limit),
  );
}

export interface ObjectiveOptionRow {
  id: string;
  title: string;
  wave_name: string;
}

/** The team's objectives in the waves (active or completed) that overlap the week [week, weekEnd]. */
export function teamObjectivesForWeekStatement(
  db: D1Database,
  orgId: string,
  teamId: string,
  week: string,
  weekEnd: string,
): Typed<ObjectiveOptionRow> {
  return typed<ObjectiveOptionRow>(
    db
      .prepare(
        `SELECT o.id, o.title, w.name AS wave_name FROM objectives o JOIN waves w ON w.id = o.wave_id
       WHERE o.org_id = ?1 AND o.team_id = ?2 AND o.level = 'team' AND w.state <> 'draft' AND w.starts_on <= ?4 AND w.ends_on >= ?3
       ORDER BY w.starts_on DESC, o.created_at`,
      )
      .bind(orgId, teamId, week, weekEnd),
  );
}

export interface SavePpp {
  id: string;
  orgId: string;
  teamId: string;
  week: string;
  notes: string;
  submit: boolean;
  personId: string;
  at: string;
  items: Omit<PppItemRow, "ppp_id">[];
  reviews: { thread_id: string; outcome: PlanOutcome }[];
}

/**
 * One save of a PPP as one batch: the row (created, updated, or published; a change to a
 * published PPP records edited_at), then its items and plan reviews replaced.
 */
export function savePppStatements(db: D1Database, s: SavePpp): D1PreparedStatement[] {
  const ofWeek = "(SELECT id FROM ppps WHERE team_id = ?1 AND week_start = ?2)";
  return [
    db
      .prepare(
        `INSERT INTO ppps (id, org_id, team_id, week_start, notes, state, person_id, created_at, updated_at, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, CASE WHEN ?6 = 'submitted' THEN ?8 END)
         ON CONFLICT (team_id, week_start) DO UPDATE SET
           notes = excluded.notes, person_id = excluded.person_id, updated_at = excluded.updated_at,
           edited_at = CASE WHEN ppps.state = 'submitted' THEN excluded.updated_at ELSE ppps.edited_at END,
           submitted_at = COALESCE(ppps.submitted_at, excluded.submitted_at),
           state = CASE WHEN ppps.state = 'submitted' OR excluded.state = 'submitted' THEN 'submitted' ELSE 'draft' END`,
      )
      .bind(s.id, s.orgId, s.teamId, s.week, s.notes, s.submit ? "submitted" : "draft", s.personId, s.at),
    db.prepare(`DELETE FROM ppp_items WHERE ppp_id = ${ofWeek}`).bind(s.teamId, s.week),
    db.prepare(`DELETE FROM ppp_plan_reviews WHERE ppp_id = ${ofWeek}`).bind(s.teamId, s.week),
    ...s.items.map((i) =>
      db
        .prepare(
          `INSERT INTO ppp_items (ppp_id, org_id, kind, position, body, objective_id, thread_id, since_week)
           SELECT id, org_id, ?3, ?4, ?5, ?6, ?7, ?8 FROM ppps WHERE team_id = ?1 AND week_start = ?2`,
        )
        .bind(s.teamId, s.week, i.kind, i.position, i.body, i.objective_id, i.thread_id, i.since_week),
    ),
    ...s.reviews.map((r) =>
      db
        .prepare(
          `INSERT INTO ppp_plan_reviews (ppp_id, thread_id, outcome) SELECT id, ?3, ?4 FROM ppps WHERE team_id = ?1 AND week_start = ?2`,
        )
        .bind(s.teamId, s.week, r.thread_id, r.outcome),
    ),
  ];
}

/** Whether the team has raised this problem thread in any of its PPPs, with its latest wording. */
export async function findTeamProblem(
  db: D1Database,
  orgId: string,
  teamId: string,
  threadId: string,
): Promise<{ body: string; since_week: string } | null> {
  return db
    .prepare(
      `SELECT i.body, i.since_week FROM ppp_items i JOIN ppps p ON p.id = i.ppp_id
       WHERE p.org_id = ?1 AND p.team_id = ?2 AND i.thread_id = ?3 AND i.kind = 'problem' ORDER BY p.week_start DESC LIMIT 1`,
    )
    .bind(orgId, teamId, threadId)
    .first();
}

/** The problems of the team's latest PPP (any state): what a boost request can say it unblocks. */
export function latestProblemsStatement(
  db: D1Database,
  orgId: string,
  teamId: string,
): Typed<{ thread_id: string; body: string; since_week: string; week_start: string }> {
  return typed<{ thread_id: string; body: string; since_week: string; week_start: string }>(
    db
      .prepare(
        `SELECT i.thread_id, i.body, i.since_week, p.week_start FROM ppp_items i JOIN ppps p ON p.id = i.ppp_id
       WHERE p.id = (SELECT id FROM ppps WHERE org_id = ?1 AND team_id = ?2 ORDER BY week_start DESC LIMIT 1) AND i.kind = 'problem'
       ORDER BY i.position`,
      )
      .bind(orgId, teamId),
  );
}

/** Per team of the org: the state of its PPP for the week, or no row when it has none. */
export function pppStatesOfWeekStatement(
  db: D1Database,
  orgId: string,
  week: string,
): Typed<{ team_id: string; state: PppState; submitted_at: string | null }> {
  return typed<{ team_id: string; state: PppState; submitted_at: string | null }>(
    db.prepare("SELECT team_id, state, submitted_at FROM ppps WHERE org_id = ?1 AND week_start = ?2").bind(orgId, week),
  );
}

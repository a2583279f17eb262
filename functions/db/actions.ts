import { typed, type Typed } from "./typed";
/**
 * The Action Center's reads that no other page makes: each covers the whole org in one
 * statement (no per-team queries), so the center stays one batch whatever the org's size.
 */

const ACTIVE_WAVE = "(SELECT id FROM waves WHERE org_id = ?1 AND state = 'active')";

export interface ActionKeyResultRow {
  id: string;
  objective_id: string;
  team_id: string;
  title: string;
  created_at: string;
  last_at: string | null;
}

/** Key results of the active wave's team objectives, each with its latest check-in instant. */
export function keyResultCheckInsStatement(db: D1Database, orgId: string): Typed<ActionKeyResultRow> {
  return typed<ActionKeyResultRow>(
    db
      .prepare(
        `SELECT k.id, k.objective_id, o.team_id, k.title, k.created_at, MAX(c.created_at) AS last_at
       FROM key_results k JOIN objectives o ON o.id = k.objective_id LEFT JOIN kr_checkins c ON c.key_result_id = k.id
       WHERE o.org_id = ?1 AND o.level = 'team' AND o.wave_id = ${ACTIVE_WAVE}
       GROUP BY k.id ORDER BY k.created_at, k.position`,
      )
      .bind(orgId),
  );
}

/** The teams that submitted the PPP of week `week`. */
export function submittedTeamsStatement(db: D1Database, orgId: string, week: string): Typed<{ team_id: string }> {
  return typed<{ team_id: string }>(
    db.prepare("SELECT team_id FROM ppps WHERE org_id = ?1 AND week_start = ?2 AND state = 'submitted'").bind(orgId, week),
  );
}

export interface PlanReviewCountRow {
  team_id: string;
  plans: number;
  reviewed: number;
}

/** Per team: the plans of its submitted PPP of `lastWeek`, and how many `week`'s PPP marks done or carried. */
export function planReviewCountsStatement(db: D1Database, orgId: string, lastWeek: string, week: string): Typed<PlanReviewCountRow> {
  return typed<PlanReviewCountRow>(
    db
      .prepare(
        `SELECT p.team_id, COUNT(i.thread_id) AS plans, COUNT(r.thread_id) AS reviewed
       FROM ppps p JOIN ppp_items i ON i.ppp_id = p.id AND i.kind = 'plan'
       LEFT JOIN ppps t ON t.team_id = p.team_id AND t.week_start = ?3
       LEFT JOIN ppp_plan_reviews r ON r.ppp_id = t.id AND r.thread_id = i.thread_id
       WHERE p.org_id = ?1 AND p.week_start = ?2 AND p.state = 'submitted'
       GROUP BY p.team_id`,
      )
      .bind(orgId, lastWeek, week),
  );
}

export interface RecentProblemRow {
  team_id: string;
  week_start: string;
  thread_id: string;
  body: string;
  since_week: string;
}

/** The problems of the submitted PPPs of `lastWeek` and `week`. */
export function recentProblemsStatement(db: D1Database, orgId: string, lastWeek: string, week: string): Typed<RecentProblemRow> {
  return typed<RecentProblemRow>(
    db
      .prepare(
        `SELECT p.team_id, p.week_start, i.thread_id, i.body, i.since_week
       FROM ppp_items i JOIN ppps p ON p.id = i.ppp_id
       WHERE p.org_id = ?1 AND p.state = 'submitted' AND p.week_start IN (?2, ?3) AND i.kind = 'problem'
       ORDER BY i.position`,
      )
      .bind(orgId, lastWeek, week),
  );
}

export interface ActionBoostRow {
  id: string;
  from_team_id: string;
  to_team_id: string | null;
  helper_team_id: string | null;
  need: string;
  state: "open" | "accepted";
  created_at: string;
  accepted_at: string | null;
}

export function activeBoostsBriefStatement(db: D1Database, orgId: string): Typed<ActionBoostRow> {
  return typed<ActionBoostRow>(
    db
      .prepare(
        "SELECT id, from_team_id, to_team_id, helper_team_id, need, state, created_at, accepted_at FROM boosts WHERE org_id = ?1 AND state IN ('open', 'accepted') ORDER BY created_at",
      )
      .bind(orgId),
  );
}

export interface ActionBoostMessageRow {
  boost_id: string;
  team_id: string | null;
  kind: "message" | "decline";
  created_at: string;
}

/** Who wrote on the org's open and accepted boosts, and when (never the text). */
export function activeBoostMessagesStatement(db: D1Database, orgId: string): Typed<ActionBoostMessageRow> {
  return typed<ActionBoostMessageRow>(
    db
      .prepare(
        `SELECT m.boost_id, m.team_id, m.kind, m.created_at FROM boost_messages m JOIN boosts b ON b.id = m.boost_id
       WHERE b.org_id = ?1 AND b.state IN ('open', 'accepted') ORDER BY m.created_at`,
      )
      .bind(orgId),
  );
}

/** Teams that wrote their reflection on the active wave. */
export function reflectedTeamsStatement(db: D1Database, orgId: string): Typed<{ team_id: string }> {
  return typed<{ team_id: string }>(
    db.prepare(`SELECT team_id FROM reflections WHERE org_id = ?1 AND wave_id = ${ACTIVE_WAVE}`).bind(orgId),
  );
}

export interface PendingInviteRow {
  id: string;
  team_id: string;
  name: string;
  created_at: string;
}

/** Invitations nobody accepted, oldest first. */
export function pendingInvitesStatement(db: D1Database, orgId: string): Typed<PendingInviteRow> {
  return typed<PendingInviteRow>(
    db
      .prepare("SELECT id, team_id, name, created_at FROM invites WHERE org_id = ?1 AND accepted_at IS NULL ORDER BY created_at")
      .bind(orgId),
  );
}

import { typed, type Typed } from "./typed";
import type { BoostState } from "../../src/domain/boosts/rules";

export type { BoostState };

export interface BoostRow {
  id: string;
  org_id: string;
  wave_id: string | null;
  from_team_id: string;
  to_team_id: string | null;
  helper_team_id: string | null;
  need: string;
  needed_by: string;
  objective_id: string | null;
  problem_thread_id: string | null;
  problem_text: string | null;
  state: BoostState;
  requested_by: string | null;
  created_at: string;
  accepted_at: string | null;
  declined_at: string | null;
  resolved_at: string | null;
}

/** A boost with the names a page shows next to it. */
export interface BoostListRow extends BoostRow {
  from_team_name: string;
  to_team_name: string | null;
  helper_team_name: string | null;
  objective_title: string | null;
  requester_name: string | null;
  message_count: number;
}

export interface BoostMessageRow {
  id: string;
  team_id: string | null;
  team_name: string | null;
  person_name: string | null;
  kind: "message" | "decline";
  body: string;
  created_at: string;
}

const BOOST_COLUMNS =
  "b.id, b.org_id, b.wave_id, b.from_team_id, b.to_team_id, b.helper_team_id, b.need, b.needed_by, b.objective_id, b.problem_thread_id, b.problem_text, b.state, b.requested_by, b.created_at, b.accepted_at, b.declined_at, b.resolved_at";

const LIST_SELECT = `SELECT ${BOOST_COLUMNS}, ft.name AS from_team_name, tt.name AS to_team_name, ht.name AS helper_team_name,
    o.title AS objective_title, pe.name AS requester_name,
    (SELECT COUNT(*) FROM boost_messages m WHERE m.boost_id = b.id) AS message_count
  FROM boosts b JOIN teams ft ON ft.id = b.from_team_id
  LEFT JOIN teams tt ON tt.id = b.to_team_id LEFT JOIN teams ht ON ht.id = b.helper_team_id
  LEFT JOIN objectives o ON o.id = b.objective_id LEFT JOIN people pe ON pe.id = b.requested_by`;

export interface NewBoost {
  id: string;
  org_id: string;
  from_team_id: string;
  to_team_id: string | null;
  need: string;
  needed_by: string;
  objective_id: string | null;
  problem_thread_id: string | null;
  problem_text: string | null;
  requested_by: string;
  submission_id: string | null;
  created_at: string;
  /** The day it is asked in the org's time zone: picks the wave running then. */
  today: string;
}

/** Inserts the boost unless its submission id was used before (a retry); the wave is the one running today. */
export function insertBoostStatement(db: D1Database, b: NewBoost): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO boosts (id, org_id, wave_id, from_team_id, to_team_id, need, needed_by, objective_id, problem_thread_id, problem_text, requested_by, submission_id, created_at)
       VALUES (?1, ?2, (SELECT id FROM waves WHERE org_id = ?2 AND state <> 'draft' AND starts_on <= ?13 AND ends_on >= ?13 ORDER BY starts_on DESC LIMIT 1),
         ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
       ON CONFLICT (submission_id) DO NOTHING`,
    )
    .bind(
      b.id,
      b.org_id,
      b.from_team_id,
      b.to_team_id,
      b.need,
      b.needed_by,
      b.objective_id,
      b.problem_thread_id,
      b.problem_text,
      b.requested_by,
      b.submission_id,
      b.created_at,
      b.today,
    );
}

export async function findBoostIdBySubmission(db: D1Database, orgId: string, submissionId: string): Promise<string | null> {
  const row = await db
    .prepare("SELECT id FROM boosts WHERE org_id = ?1 AND submission_id = ?2")
    .bind(orgId, submissionId)
    .first<{ id: string }>();
  return row?.id ?? null;
}

export function boostViewStatement(db: D1Database, orgId: string, boostId: string): Typed<BoostListRow> {
  return typed<BoostListRow>(db.prepare(`${LIST_SELECT} WHERE b.org_id = ?1 AND b.id = ?2`).bind(orgId, boostId));
}

export function messagesOfBoostStatement(db: D1Database, orgId: string, boostId: string): Typed<BoostMessageRow> {
  return typed<BoostMessageRow>(
    db
      .prepare(
        `SELECT m.id, m.team_id, t.name AS team_name, pe.name AS person_name, m.kind, m.body, m.created_at
       FROM boost_messages m LEFT JOIN teams t ON t.id = m.team_id LEFT JOIN people pe ON pe.id = m.person_id
       WHERE m.org_id = ?1 AND m.boost_id = ?2 ORDER BY m.created_at, m.rowid`,
      )
      .bind(orgId, boostId),
  );
}

/** Open and accepted boosts: open first, oldest first within each. */
export function activeBoostsStatement(db: D1Database, orgId: string): Typed<BoostListRow> {
  return typed<BoostListRow>(
    db
      .prepare(`${LIST_SELECT} WHERE b.org_id = ?1 AND b.state IN ('open', 'accepted') ORDER BY b.state = 'accepted', b.created_at`)
      .bind(orgId),
  );
}

/** The latest resolved or declined boosts, newest first. */
export function closedBoostsStatement(db: D1Database, orgId: string, limit: number): Typed<BoostListRow> {
  return typed<BoostListRow>(
    db
      .prepare(
        `${LIST_SELECT} WHERE b.org_id = ?1 AND b.state IN ('resolved', 'declined') ORDER BY COALESCE(b.resolved_at, b.declined_at) DESC LIMIT ?2`,
      )
      .bind(orgId, limit),
  );
}

/** Open boosts, oldest first: what leadership sees first on the board. */
export function openBoostsStatement(db: D1Database, orgId: string): Typed<BoostListRow> {
  return typed<BoostListRow>(db.prepare(`${LIST_SELECT} WHERE b.org_id = ?1 AND b.state = 'open' ORDER BY b.created_at`).bind(orgId));
}

/**
 * Boosts a team's page shows: open or accepted ones it asked for, was asked for, or helps
 * with, and open requests to any team that it could take on.
 */
export function teamBoostsStatement(db: D1Database, orgId: string, teamId: string): Typed<BoostListRow> {
  return typed<BoostListRow>(
    db
      .prepare(
        `${LIST_SELECT} WHERE b.org_id = ?1 AND b.state IN ('open', 'accepted')
         AND (b.from_team_id = ?2 OR b.to_team_id = ?2 OR b.helper_team_id = ?2 OR (b.to_team_id IS NULL AND b.state = 'open'))
       ORDER BY b.state = 'accepted', b.created_at`,
      )
      .bind(orgId, teamId),
  );
}

export interface ProblemBoostRow {
  id: string;
  problem_thread_id: string;
  state: BoostState;
  to_team_name: string | null;
  helper_team_name: string | null;
}

/** The latest boost asked for each problem thread of the team (or of every team when teamId is null). */
export function problemBoostsStatement(db: D1Database, orgId: string, teamId: string | null): Typed<ProblemBoostRow> {
  return typed<ProblemBoostRow>(
    db
      .prepare(
        `SELECT b.id, b.problem_thread_id, b.state, tt.name AS to_team_name, ht.name AS helper_team_name
       FROM boosts b LEFT JOIN teams tt ON tt.id = b.to_team_id LEFT JOIN teams ht ON ht.id = b.helper_team_id
       WHERE b.org_id = ?1 AND b.problem_thread_id IS NOT NULL AND (?2 IS NULL OR b.from_team_id = ?2)
       ORDER BY b.created_at`,
      )
      .bind(orgId, teamId),
  );
}

export interface BoostTimingRow {
  wave_id: string | null;
  from_team_id: string;
  helper_team_id: string | null;
  created_at: string;
  accepted_at: string | null;
  resolved_at: string | null;
}

export interface WaveNameRow {
  id: string;
  name: string;
  state: string;
}

/** The org's latest non-draft waves, newest first: the waves time-to-help is shown for. */
export function recentWavesStatement(db: D1Database, orgId: string, limit: number): Typed<WaveNameRow> {
  return typed<WaveNameRow>(
    db
      .prepare("SELECT id, name, state FROM waves WHERE org_id = ?1 AND state <> 'draft' ORDER BY starts_on DESC LIMIT ?2")
      .bind(orgId, limit),
  );
}

/** Instants of every boost asked in those waves. */
export function boostTimingsStatement(db: D1Database, orgId: string, waveLimit: number): Typed<BoostTimingRow> {
  return typed<BoostTimingRow>(
    db
      .prepare(
        `SELECT b.wave_id, b.from_team_id, b.helper_team_id, b.created_at, b.accepted_at, b.resolved_at FROM boosts b
       WHERE b.org_id = ?1 AND b.wave_id IN (SELECT id FROM waves WHERE org_id = ?1 AND state <> 'draft' ORDER BY starts_on DESC LIMIT ?2)`,
      )
      .bind(orgId, waveLimit),
  );
}

/** Accepts an open boost for the helper team; zero changes when someone else moved it first. */
export function acceptBoostStatement(
  db: D1Database,
  orgId: string,
  boostId: string,
  helperTeamId: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare("UPDATE boosts SET state = 'accepted', helper_team_id = ?3, accepted_at = ?4 WHERE org_id = ?1 AND id = ?2 AND state = 'open'")
    .bind(orgId, boostId, helperTeamId, at);
}

/** Closes a boost addressed to one team as declined; zero changes unless it was open. */
export function declineBoostStatement(db: D1Database, orgId: string, boostId: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE boosts SET state = 'declined', declined_at = ?3 WHERE org_id = ?1 AND id = ?2 AND state = 'open' AND to_team_id IS NOT NULL",
    )
    .bind(orgId, boostId, at);
}

export function resolveBoostStatement(db: D1Database, orgId: string, boostId: string, at: string): D1PreparedStatement {
  return db
    .prepare("UPDATE boosts SET state = 'resolved', resolved_at = ?3 WHERE org_id = ?1 AND id = ?2 AND state IN ('open', 'accepted')")
    .bind(orgId, boostId, at);
}

/**
 * Adds a message to the thread only while the boost takes one: a question or reply while it
 * is open or accepted, a decline while it is open. Zero changes otherwise.
 */
export function insertBoostMessageStatement(
  db: D1Database,
  m: {
    id: string;
    boost_id: string;
    org_id: string;
    team_id: string;
    person_id: string;
    kind: "message" | "decline";
    body: string;
    created_at: string;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO boost_messages (id, boost_id, org_id, team_id, person_id, kind, body, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
       WHERE EXISTS (SELECT 1 FROM boosts WHERE org_id = ?3 AND id = ?2 AND (state = 'open' OR (?6 = 'message' AND state = 'accepted')))`,
    )
    .bind(m.id, m.boost_id, m.org_id, m.team_id, m.person_id, m.kind, m.body, m.created_at);
}

/** The team's objectives in the active and draft waves: what a new boost can say it unblocks. */
export function boostableObjectivesStatement(
  db: D1Database,
  orgId: string,
  teamId: string,
): Typed<{ id: string; title: string; wave_name: string }> {
  return typed<{ id: string; title: string; wave_name: string }>(
    db
      .prepare(
        `SELECT o.id, o.title, w.name AS wave_name FROM objectives o JOIN waves w ON w.id = o.wave_id
       WHERE o.org_id = ?1 AND o.team_id = ?2 AND o.level = 'team' AND w.state IN ('active', 'draft')
       ORDER BY w.state, o.created_at`,
      )
      .bind(orgId, teamId),
  );
}

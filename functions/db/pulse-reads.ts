import { OBJECTIVE_COLUMNS, type ObjectiveRow } from "./objectives";
import { listTeamsStatement } from "./teams";
import { typed, type Typed } from "./typed";
import { listWavesStatement } from "./waves";
/**
 * SQL behind the pulse heat maps: counts and sums per cell, comments, and the weeks already
 * published. Publication and suppression happen in the sentiment service.
 */

/**
 * Which wave a heat-map read is of: a SQL expression for its id (a placeholder or a subquery)
 * and the parameters it binds, `?1` always being the org. One set of queries serves a wave
 * named by id, the active wave, and the waves the pulse and team pages pick in their batch.
 */
export interface WaveOf {
  sql: string;
  params: readonly (string | number)[];
}

export const waveById = (orgId: string, waveId: string): WaveOf => ({ sql: "?2", params: [orgId, waveId] });
export const activeWaveOf = (orgId: string): WaveOf => ({
  sql: "(SELECT id FROM waves WHERE org_id = ?1 AND state = 'active')",
  params: [orgId],
});

/** The wave's objectives, as the heat maps label their rows. */
export function waveObjectivesStatement(db: D1Database, wave: WaveOf): Typed<ObjectiveRow> {
  return typed<ObjectiveRow>(
    db
      .prepare(
        `SELECT ${OBJECTIVE_COLUMNS} FROM objectives WHERE org_id = ?1 AND wave_id = ${wave.sql} ORDER BY level, created_at, position`,
      )
      .bind(...wave.params),
  );
}

/** The wave's published weeks (see src/domain/pulse/publication.ts). */
function releasesStatement(db: D1Database, wave: WaveOf): Typed<WeekReleaseRow> {
  return typed<WeekReleaseRow>(
    db
      .prepare(`SELECT week, k, snapshot FROM pulse_week_releases WHERE org_id = ?1 AND wave_id = ${wave.sql} ORDER BY week`)
      .bind(...wave.params),
  );
}

/**
 * Everything a wave's heat maps are computed from, in this order: votes and their sum per team
 * and week, people who voted per team and week, votes and their sum per objective and week (one
 * vote per voter per objective and week), and the weeks already published.
 */
export function waveSentimentStatements(
  db: D1Database,
  wave: WaveOf,
): [Typed<TeamWeekVotesRow>, Typed<RespondentsRow>, Typed<ObjectiveWeekVotesRow>, Typed<WeekReleaseRow>] {
  return [
    typed<TeamWeekVotesRow>(
      db
        .prepare(
          `SELECT team_id, week, COUNT(*) AS votes, SUM(score) AS total FROM pulse_votes WHERE org_id = ?1 AND wave_id = ${wave.sql} GROUP BY team_id, week`,
        )
        .bind(...wave.params),
    ),
    typed<RespondentsRow>(
      db
        .prepare(`SELECT team_id, week, respondents FROM pulse_respondents WHERE org_id = ?1 AND wave_id = ${wave.sql}`)
        .bind(...wave.params),
    ),
    typed<ObjectiveWeekVotesRow>(
      db
        .prepare(
          `SELECT team_id, objective_id, week, COUNT(*) AS votes, SUM(score) AS total FROM pulse_votes WHERE org_id = ?1 AND wave_id = ${wave.sql} GROUP BY objective_id, week`,
        )
        .bind(...wave.params),
    ),
    releasesStatement(db, wave),
  ];
}

/** The comments of one team's votes in a wave: objective, week and text, nothing else. */
export interface TeamWeekVotesRow {
  team_id: string;
  week: string;
  votes: number;
  total: number;
}
export interface RespondentsRow {
  team_id: string;
  week: string;
  respondents: number;
}
export interface ObjectiveWeekVotesRow {
  team_id: string;
  objective_id: string;
  week: string;
  votes: number;
  total: number;
}
export interface CommentRow {
  objective_id: string;
  week: string;
  comment: string;
}

// --- Published weeks (see src/domain/pulse/publication.ts) -------------------------------

export interface WeekReleaseRow {
  week: string;
  k: number;
  snapshot: string;
}

export function weekReleasesStatement(db: D1Database, orgId: string, waveId: string): Typed<WeekReleaseRow> {
  return releasesStatement(db, waveById(orgId, waveId));
}

/**
 * Stores weeks published for the first time. A week publishes once: when two readers race,
 * the first snapshot stays and the other reader shows the stored one (read back in the same
 * batch), so nobody ever sees two versions of a week.
 */
export function saveWeekReleaseStatements(
  db: D1Database,
  orgId: string,
  waveId: string,
  weeks: readonly WeekReleaseRow[],
): D1PreparedStatement[] {
  return weeks.map((w) =>
    db
      .prepare(
        "INSERT INTO pulse_week_releases (org_id, wave_id, week, k, snapshot) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (wave_id, week) DO NOTHING",
      )
      .bind(orgId, waveId, w.week, w.k, w.snapshot),
  );
}

/**
 * The heat maps' reads for the wave asked for (?2, '' for none: the active wave, else the
 * newest completed one), in one batch: the wave is picked by subquery from the waves the same
 * batch reads, and the service picks it the same way (pickPulseWave).
 */
const PULSE_PICKED =
  "(SELECT id FROM waves WHERE org_id = ?1 ORDER BY id = ?2 DESC, state = 'active' DESC, state = 'completed' DESC, starts_on DESC, created_at DESC LIMIT 1)";

/** One team's comments in the wave pulseReadStatements picks (?1 org, ?2 the wave asked for or '', ?3 team). */
export function pulseCommentsStatement(db: D1Database, orgId: string, waveParam: string | null, teamId: string): Typed<CommentRow> {
  return typed<CommentRow>(
    db
      .prepare(
        `SELECT objective_id, week, comment FROM pulse_votes WHERE org_id = ?1 AND wave_id = ${PULSE_PICKED} AND team_id = ?3 AND comment IS NOT NULL`,
      )
      .bind(orgId, waveParam ?? "", teamId),
  );
}

export function pulseReadStatements(db: D1Database, orgId: string, waveParam: string | null) {
  const picked: WaveOf = { sql: PULSE_PICKED, params: [orgId, waveParam ?? ""] };
  return [
    listWavesStatement(db, orgId),
    listTeamsStatement(db, orgId),
    waveObjectivesStatement(db, picked),
    ...waveSentimentStatements(db, picked),
  ] as const;
}

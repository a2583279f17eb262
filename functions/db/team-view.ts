/**
 * The team page's reads in one batch. The wave the page shows depends on the waves the same
 * batch reads (?wave=, else the active one, else the newest), so the statements that need it
 * pick it with a subquery instead of waiting for a first round trip:
 *
 * - SELECTED: ?3 when it is a wave of the org, else the active wave, else the newest;
 * - PULSE: the wave whose heat map the page shows: SELECTED unless it is a draft, else the
 *   active wave, else the newest completed one.
 *
 * Placeholders: ?1 org, ?2 team, ?3 the wave asked for ('' for none). The service picks the
 * same two waves from the waves it reads here (pickTeamWaves), so rows and waves agree.
 */
import {
  KR_READ_COLUMNS,
  OBJECTIVE_COLUMNS,
  orgObjectivesOfDraftWavesStatement,
  type CheckInRow,
  type KeyResultRow,
  type ObjectiveRow,
} from "./objectives";
import { waveObjectivesStatement, waveSentimentStatements, type CommentRow, type WaveOf } from "./pulse-reads";
import { liveLinkStatement } from "./pulse-links";
import { reflectionsOfTeamStatement } from "./reflections";
import type { ScheduleRow } from "./report-schedules";
import { TEAM_COLUMNS, listTeamsStatement, teamPulseModeStatement, type TeamRow } from "./teams";
import { typed } from "./typed";
import { WAVE_COLUMNS, type WaveRow } from "./waves";
import { teamBoostsStatement } from "./boosts";
import { pppStatesOfWeekStatement } from "./ppp";
import { teamChatChannelStatement } from "./chat-channels";

const SELECTED =
  "(SELECT id FROM waves WHERE org_id = ?1 ORDER BY id = ?3 DESC, state = 'active' DESC, starts_on DESC, created_at DESC LIMIT 1)";
const PULSE = `(SELECT id FROM waves WHERE org_id = ?1 AND state <> 'draft' ORDER BY id = ${SELECTED} DESC, state = 'active' DESC, starts_on DESC, created_at DESC LIMIT 1)`;

/** The waves the page shows, picked from the org's waves (newest first) as the subqueries pick them. */
export function pickTeamWaves(waves: readonly WaveRow[], waveParam: string | null): { wave: WaveRow | null; pulseWave: WaveRow | null } {
  const wave = waves.find((w) => w.id === waveParam) ?? waves.find((w) => w.state === "active") ?? waves[0] ?? null;
  const pulseWave =
    wave && wave.state !== "draft" ? wave : (waves.find((w) => w.state === "active") ?? waves.find((w) => w.state === "completed") ?? null);
  return { wave, pulseWave };
}

/** Every read of the team page, in one batch; `week` is the current PPP week in the org's zone. */
export function teamViewStatements(db: D1Database, orgId: string, teamId: string, waveParam: string | null, week: string) {
  const ids = [orgId, teamId, waveParam ?? ""] as const;
  const pulseWave: WaveOf = { sql: PULSE, params: ids };
  return [
    typed<TeamRow>(db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE org_id = ?1 AND id = ?2`).bind(orgId, teamId)),
    typed<WaveRow>(db.prepare(`SELECT ${WAVE_COLUMNS} FROM waves WHERE org_id = ?1 ORDER BY starts_on DESC, created_at DESC`).bind(orgId)),
    // The shown wave: objectives, key results, the team's check-ins.
    typed<ObjectiveRow>(
      db
        .prepare(
          `SELECT ${OBJECTIVE_COLUMNS} FROM objectives WHERE org_id = ?1 AND wave_id = ${SELECTED} ORDER BY level, created_at, position`,
        )
        .bind(...ids),
    ),
    typed<KeyResultRow>(
      db
        .prepare(
          `SELECT ${KR_READ_COLUMNS.split(", ")
            .map((c) => `k.${c}`)
            .join(", ")}
           FROM key_results k JOIN objectives o ON o.id = k.objective_id
           WHERE o.org_id = ?1 AND o.wave_id = ${SELECTED} ORDER BY k.created_at, k.position`,
        )
        .bind(...ids),
    ),
    typed<CheckInRow>(
      db
        .prepare(
          `SELECT c.id, c.key_result_id, c.value, c.note, c.confidence, p.name AS person_name, c.created_at
           FROM kr_checkins c JOIN key_results k ON k.id = c.key_result_id JOIN objectives o ON o.id = k.objective_id
           LEFT JOIN people p ON p.id = c.person_id
           WHERE o.org_id = ?1 AND o.team_id = ?2 AND o.wave_id = ${SELECTED} ORDER BY c.created_at`,
        )
        .bind(...ids),
    ),
    reflectionsOfTeamStatement(db, orgId, teamId),
    orgObjectivesOfDraftWavesStatement(db, orgId),
    // The heat map's wave: what the sentiment service publishes from.
    listTeamsStatement(db, orgId),
    waveObjectivesStatement(db, pulseWave),
    ...waveSentimentStatements(db, pulseWave),
    // Filtered by the published map in the service (visibleComments), like every comment read.
    typed<CommentRow>(
      db
        .prepare(
          `SELECT objective_id, week, comment FROM pulse_votes WHERE org_id = ?1 AND wave_id = ${PULSE} AND team_id = ?2 AND comment IS NOT NULL`,
        )
        .bind(...ids),
    ),
    // The lead's and admins' cards: the link, its mode, the reminder list, the voting day.
    liveLinkStatement(db, orgId, teamId),
    teamPulseModeStatement(db, orgId, teamId),
    typed<{ email: string }>(
      db.prepare("SELECT email FROM team_member_addresses WHERE org_id = ?1 AND team_id = ?2 ORDER BY email").bind(orgId, teamId),
    ),
    typed<ScheduleRow>(db.prepare("SELECT report_weekday, report_hour, pulse_weekday FROM orgs WHERE id = ?1").bind(orgId)),
    // This week's PPP and the boosts the team is part of (TeamHelp).
    teamBoostsStatement(db, orgId, teamId),
    pppStatesOfWeekStatement(db, orgId, week),
    // The lead's and admins' chat channel card.
    teamChatChannelStatement(db, orgId, teamId),
  ] as const;
}

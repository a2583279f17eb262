import { isId } from "../../src/schemas/fields";
import { localDate } from "../../src/domain/calendar";
import { keyResultInputs } from "./board-inputs";
import { assembleBoard, type BoardModel } from "../../src/domain/okr/board";
import { canMoveWave, reopenProblem, waveCalendar, type WaveState } from "../../src/domain/okr/wave";
import { waveSchema } from "../../src/schemas/okr";
import { keyResultsOfWaveStatement, objectivesOfWaveStatement } from "../db/objectives";
import { listTeamsStatement } from "../db/teams";
import { findWave, insertWave, listWaves, listWavesStatement, moveWave, updateWaveDetails, waveStatement, type WaveRow } from "../db/waves";
import { requireAdmin, type OrgAccess } from "./access";
import { AppError, conflict, notFound } from "./errors";
import { randomToken } from "./tokens";
import { parseInput } from "./validate";
import { batchGroups, type BatchResults } from "../db/typed";
import { emitWaveEvent } from "./webhook-events";

export async function createWave(db: D1Database, access: OrgAccess, input: unknown, now: Date): Promise<WaveRow> {
  requireAdmin(access);
  const data = parseInput(waveSchema, input);
  const id = randomToken(16);
  await insertWave(db, {
    id,
    org_id: access.org.id,
    name: data.name,
    starts_on: data.startsOn,
    ends_on: data.endsOn,
    created_at: now.toISOString(),
  });
  return getWave(db, access, id);
}

export async function editWave(db: D1Database, access: OrgAccess, waveId: string, input: unknown): Promise<void> {
  requireAdmin(access);
  const wave = await getWave(db, access, waveId);
  if (wave.state === "completed") throw conflict("A completed wave can no longer be changed.");
  const data = parseInput(waveSchema, input);
  await updateWaveDetails(db, access.org.id, waveId, { name: data.name, starts_on: data.startsOn, ends_on: data.endsOn });
}

/** A wave of the viewer's org; any other id is 404. */
export async function getWave(db: D1Database, access: OrgAccess, waveId: string): Promise<WaveRow> {
  const wave = isId(waveId) ? await findWave(db, access.org.id, waveId) : null;
  if (!wave) throw notFound("That wave");
  return wave;
}

export async function listOrgWaves(db: D1Database, access: OrgAccess, now: Date) {
  return wavesWithCalendars(await listWaves(db, access.org.id), access, now);
}

function wavesWithCalendars(waves: WaveRow[], access: OrgAccess, now: Date) {
  const today = localDate(now, access.org.time_zone);
  return waves.map((w) => ({ ...w, calendar: waveCalendar({ startsOn: w.starts_on, endsOn: w.ends_on }, today) }));
}

export type WaveListItem = ReturnType<typeof wavesWithCalendars>[number];

/** draft → active (only one active wave per org) → completed. */
export async function moveWaveTo(db: D1Database, access: OrgAccess, waveId: string, to: WaveState, now: Date): Promise<void> {
  requireAdmin(access);
  const wave = await getWave(db, access, waveId);
  if (!canMoveWave(wave.state, to)) throw conflict(`A ${wave.state} wave cannot become ${to}.`);
  const reopening = wave.state === "completed";
  if (reopening) {
    const problem = reopenProblem({ startsOn: wave.starts_on, endsOn: wave.ends_on }, localDate(now, access.org.time_zone));
    if (problem) throw conflict(problem);
  }
  try {
    if (!(await moveWave(db, access.org.id, waveId, wave.state, to, now.toISOString())))
      throw conflict("Someone changed this wave at the same time. Reload and try again.");
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (String(error).includes("UNIQUE"))
      throw conflict(
        reopening
          ? "Another wave is active now, so this one cannot be reopened."
          : "Another wave is active. Complete it before starting this one.",
      );
    throw error;
  }
  if (to === "active" && !reopening) await emitWaveEvent(db, access, "wave.started", wave, now);
  if (to === "completed") await emitWaveEvent(db, access, "wave.completed", wave, now);
}

export interface WavePlan {
  wave: WaveRow;
  board: BoardModel;
  today: string;
}

/** The reads behind a wave plan, the wave itself first (no row: not a wave of this org). */
export function wavePlanStatements(db: D1Database, orgId: string, waveId: string) {
  return [
    waveStatement(db, orgId, waveId),
    objectivesOfWaveStatement(db, orgId, waveId),
    keyResultsOfWaveStatement(db, orgId, waveId),
    listTeamsStatement(db, orgId),
  ] as const;
}

/** A wave with its org objectives, key results and the team objectives aligned to them. One batch. */
export async function getWavePlan(db: D1Database, access: OrgAccess, waveId: string, now: Date): Promise<WavePlan> {
  if (!isId(waveId)) throw notFound("That wave");
  const [plan] = await batchGroups(db, [wavePlanStatements(db, access.org.id, waveId)]);
  return wavePlanFromResults(access, plan, now);
}

export interface WavePage {
  plan: WavePlan;
  /** Every wave of the org, newest first (for carry-overs and the one-active-wave rule). */
  waves: WaveListItem[];
}

/** The wave page: the plan and the org's waves, in one batch. Another org's wave is 404. */
export async function getWavePage(db: D1Database, access: OrgAccess, waveId: string, now: Date): Promise<WavePage> {
  if (!isId(waveId)) throw notFound("That wave");
  const [plan, [waves]] = await batchGroups(db, [wavePlanStatements(db, access.org.id, waveId), [listWavesStatement(db, access.org.id)]]);
  return { plan: wavePlanFromResults(access, plan, now), waves: wavesWithCalendars(waves.results, access, now) };
}

/** Assembles the plan from the results of wavePlanStatements; 404 when the wave is not of this org. */
export function wavePlanFromResults(
  access: OrgAccess,
  [waveRow, objectives, keyResults, teams]: BatchResults<ReturnType<typeof wavePlanStatements>>,
  now: Date,
): WavePlan {
  const wave = waveRow.results[0];
  if (!wave) throw notFound("That wave");
  const today = localDate(now, access.org.time_zone);
  const board = assembleBoard({
    wave: { startsOn: wave.starts_on, endsOn: wave.ends_on },
    today: wave.state === "completed" ? wave.ends_on : today,
    objectives: objectives.results.map((o) => ({
      id: o.id,
      level: o.level,
      teamId: o.team_id,
      parentId: o.parent_id,
      kind: o.kind,
      title: o.title,
      rationale: o.rationale,
    })),
    keyResults: keyResultInputs(keyResults.results, access.org.time_zone),
    teams: teams.results.map((t) => ({ id: t.id, name: t.name, mission: t.mission })),
    lastCheckInOn: new Map(),
  });
  return { wave, board, today };
}

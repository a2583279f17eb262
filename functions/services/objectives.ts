import { isId } from "../../src/schemas/fields";
import { keyResultProgress, meanProgress } from "../../src/domain/okr/progress";
import { MAX_MOONSHOTS_PER_WAVE, REFLECTION_OPENS_DAYS_LEFT, reflectionOpen } from "../../src/domain/okr/wave";
import { localDate } from "../../src/domain/calendar";
import {
  carryOverSchema,
  checkInSchema,
  keyResultSchema,
  orgObjectiveSchema,
  reflectionSchema,
  teamObjectiveSchema,
  type KeyResultInput,
} from "../../src/schemas/okr";
import {
  deleteKeyResult,
  deleteObjective,
  findCarriedCopy,
  findKeyResultContext,
  findObjective,
  insertCheckInStatements,
  insertKeyResultStatement,
  insertMoonshotStatement,
  insertObjectiveStatement,
  listKeyResultsOfObjective,
  type ObjectiveRow,
} from "../db/objectives";
import { upsertReflection } from "../db/reflections";
import { findTeam } from "../db/teams";
import { requireAdmin, requireTeamActor, type OrgAccess } from "./access";
import { conflict, notFound, validationFailed } from "./errors";
import { randomToken } from "./tokens";
import { parseInput } from "./validate";
import { getWave } from "./waves";
import { emitCheckInEvent } from "./webhook-events";

function keyResultStatements(
  db: D1Database,
  orgId: string,
  objectiveId: string,
  krs: readonly KeyResultInput[],
  at: string,
): D1PreparedStatement[] {
  return krs.map((k, i) =>
    insertKeyResultStatement(db, {
      id: randomToken(16),
      org_id: orgId,
      objective_id: objectiveId,
      title: k.title,
      unit: k.unit,
      baseline: k.baseline,
      target: k.target,
      current: k.current ?? k.baseline,
      position: i,
      created_at: at,
      updated_at: at,
    }),
  );
}

async function openWave(db: D1Database, access: OrgAccess, waveId: string) {
  const wave = await getWave(db, access, waveId);
  if (wave.state === "completed") throw conflict("This wave is completed; plan the next one instead.");
  return wave;
}

/** An org objective with its key results, in one batch; a third moonshot is refused. */
export async function createOrgObjective(
  db: D1Database,
  access: OrgAccess,
  waveId: string,
  input: unknown,
  now: Date,
  carriedFromId: string | null = null,
): Promise<string> {
  requireAdmin(access);
  await openWave(db, access, waveId);
  const data = parseInput(orgObjectiveSchema, input);
  const at = now.toISOString();
  const objective: ObjectiveRow = {
    id: randomToken(16),
    org_id: access.org.id,
    wave_id: waveId,
    level: "org",
    team_id: null,
    parent_id: null,
    kind: data.kind,
    title: data.title,
    rationale: "",
    position: 0,
    carried_from_id: carriedFromId,
    created_at: at,
  };
  const insert =
    data.kind === "moonshot" ? insertMoonshotStatement(db, objective, MAX_MOONSHOTS_PER_WAVE) : insertObjectiveStatement(db, objective);
  if (data.kind === "moonshot") {
    // The key results must only be written if the guarded insert wrote the objective.
    const result = await insert.run();
    if (result.meta.changes !== 1)
      throw validationFailed([
        {
          field: "kind",
          issue: `A wave has at most ${MAX_MOONSHOTS_PER_WAVE} moonshots. Make this a roofshot, or change another moonshot first.`,
        },
      ]);
    if (data.keyResults.length) await db.batch(keyResultStatements(db, access.org.id, objective.id, data.keyResults, at));
  } else {
    await db.batch([insert, ...keyResultStatements(db, access.org.id, objective.id, data.keyResults, at)]);
  }
  return objective.id;
}

/** A team objective aligned to one org objective of the same wave, with its rationale and key results. */
export async function createTeamObjective(
  db: D1Database,
  access: OrgAccess,
  waveId: string,
  input: unknown,
  now: Date,
  carriedFromId: string | null = null,
): Promise<string> {
  const wave = await openWave(db, access, waveId);
  const data = parseInput(teamObjectiveSchema, input);
  const team = await findTeam(db, access.org.id, data.teamId);
  if (!team) throw validationFailed([{ field: "teamId", issue: "Choose one of your teams." }]);
  requireTeamActor(access, team.id);
  const parent = await findObjective(db, access.org.id, data.parentId);
  if (!parent || parent.level !== "org" || parent.wave_id !== wave.id) {
    throw validationFailed([{ field: "parentId", issue: "Choose an org objective of this wave to align to." }]);
  }
  const at = now.toISOString();
  const id = randomToken(16);
  await db.batch([
    insertObjectiveStatement(db, {
      id,
      org_id: access.org.id,
      wave_id: wave.id,
      level: "team",
      team_id: team.id,
      parent_id: parent.id,
      kind: null,
      title: data.title,
      rationale: data.rationale,
      position: 0,
      carried_from_id: carriedFromId,
      created_at: at,
    }),
    ...keyResultStatements(db, access.org.id, id, data.keyResults, at),
  ]);
  return id;
}

async function editableObjective(db: D1Database, access: OrgAccess, objectiveId: string): Promise<ObjectiveRow> {
  const objective = isId(objectiveId) ? await findObjective(db, access.org.id, objectiveId) : null;
  if (!objective) throw notFound("That objective");
  if (objective.level === "org") requireAdmin(access);
  else requireTeamActor(access, objective.team_id ?? "");
  await openWave(db, access, objective.wave_id);
  return objective;
}

export async function addKeyResult(db: D1Database, access: OrgAccess, objectiveId: string, input: unknown, now: Date): Promise<void> {
  const objective = await editableObjective(db, access, objectiveId);
  const kr = parseInput(keyResultSchema, input);
  await db.batch(keyResultStatements(db, access.org.id, objective.id, [kr], now.toISOString()));
}

export async function removeObjective(db: D1Database, access: OrgAccess, objectiveId: string): Promise<ObjectiveRow> {
  const objective = await editableObjective(db, access, objectiveId);
  await deleteObjective(db, access.org.id, objective.id);
  return objective;
}

export async function removeKeyResult(db: D1Database, access: OrgAccess, krId: string): Promise<void> {
  const kr = isId(krId) ? await findKeyResultContext(db, access.org.id, krId) : null;
  if (!kr) throw notFound("That key result");
  await editableObjective(db, access, kr.objective_id);
  await deleteKeyResult(db, access.org.id, kr.id);
}

/** Records a new value for a key result of the active wave and keeps the history. */
export async function checkIn(
  db: D1Database,
  access: OrgAccess,
  krId: string,
  input: unknown,
  now: Date,
): Promise<{ teamId: string | null }> {
  const kr = isId(krId) ? await findKeyResultContext(db, access.org.id, krId) : null;
  if (!kr) throw notFound("That key result");
  if (kr.level === "org") requireAdmin(access);
  else requireTeamActor(access, kr.team_id ?? "");
  if (kr.wave_state !== "active")
    throw conflict(
      kr.wave_state === "draft" ? "Check-ins start when the wave is active." : "This wave is completed; its key results are final.",
    );
  const data = parseInput(checkInSchema, input);
  const checkInId = randomToken(16);
  await db.batch(
    insertCheckInStatements(db, {
      id: checkInId,
      org_id: access.org.id,
      key_result_id: kr.id,
      value: data.value,
      note: data.note,
      confidence: data.confidence ?? null,
      person_id: access.viewer.personId,
      created_at: now.toISOString(),
    }),
  );
  await emitCheckInEvent(
    db,
    access,
    {
      id: checkInId,
      keyResultId: kr.id,
      keyResultTitle: kr.title,
      teamId: kr.team_id,
      value: data.value,
      note: data.note,
      confidence: data.confidence ?? null,
    },
    now,
  );
  return { teamId: kr.team_id };
}

/** The team's end-of-wave reflection: what worked, what to change. Writing it again updates it. */
export async function saveReflection(
  db: D1Database,
  access: OrgAccess,
  waveId: string,
  teamId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  requireTeamActor(access, teamId);
  const wave = await getWave(db, access, waveId);
  if (wave.state === "draft") throw conflict("Reflect once the wave is under way.");
  // The same rule as the team page's form: the API takes no reflection the page would not offer.
  if (!reflectionOpen({ startsOn: wave.starts_on, endsOn: wave.ends_on, state: wave.state }, localDate(now, access.org.time_zone))) {
    throw conflict(`The reflection opens in the wave's last ${REFLECTION_OPENS_DAYS_LEFT} days.`);
  }
  if (!(await findTeam(db, access.org.id, teamId))) throw notFound("That team");
  const data = parseInput(reflectionSchema, input);
  await upsertReflection(db, {
    wave_id: wave.id,
    team_id: teamId,
    org_id: access.org.id,
    worked: data.worked,
    change: data.change,
    person_id: access.viewer.personId,
    updated_at: now.toISOString(),
  });
}

/**
 * Carries an unfinished objective of a completed wave into a draft wave: a copy whose key
 * results start where the old ones ended. A team objective aligns to the carried copy of its
 * old org objective when there is one, otherwise to the org objective the caller picks.
 */
export async function carryOver(db: D1Database, access: OrgAccess, input: unknown, now: Date): Promise<string> {
  const data = parseInput(carryOverSchema, input);
  const source = await findObjective(db, access.org.id, data.objectiveId);
  if (!source) throw notFound("That objective");
  const from = await getWave(db, access, source.wave_id);
  const to = await getWave(db, access, data.targetWaveId);
  if (from.state !== "completed") throw conflict("Only objectives of a completed wave can be carried over.");
  if (to.state !== "draft") throw validationFailed([{ field: "targetWaveId", issue: "Carry objectives over into a draft wave." }]);
  if (await findCarriedCopy(db, access.org.id, to.id, source.id)) throw conflict("This objective was already carried over into that wave.");
  const krs = await listKeyResultsOfObjective(db, access.org.id, source.id);
  const progress = meanProgress(krs.map((k) => keyResultProgress(k)));
  if (progress !== null && progress >= 100) throw conflict("This objective was met; there is nothing to carry over.");
  const keyResults = krs
    .map((k) => ({ title: k.title, unit: k.unit, baseline: k.current, target: k.target }))
    .filter((k) => k.baseline !== k.target);
  if (source.level === "org") {
    return createOrgObjective(db, access, to.id, { title: source.title, kind: source.kind, keyResults }, now, source.id);
  }
  const parentCopy = source.parent_id ? await findCarriedCopy(db, access.org.id, to.id, source.parent_id) : null;
  const parentId = data.parentId ?? parentCopy?.id;
  if (!parentId) throw validationFailed([{ field: "parentId", issue: "Choose the org objective of the new wave this aligns to." }]);
  return createTeamObjective(
    db,
    access,
    to.id,
    { teamId: source.team_id, parentId, title: source.title, rationale: source.rationale, keyResults },
    now,
    source.id,
  );
}

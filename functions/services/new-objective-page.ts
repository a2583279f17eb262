/**
 * The new team objective form: the team, and the wave it is written in (?wave=, else the active
 * wave, else the newest that is not completed) with that wave's org objectives to align to. One
 * batch after the access check; another org's team or wave is 404.
 */
import { isId } from "../../src/schemas/fields";
import { objectiveFormWaveStatements } from "../db/objective-form";
import { listTeamsStatement, teamStatement, type TeamRow } from "../db/teams";
import { batchGroups } from "../db/typed";
import type { OrgAccess } from "./access";
import { notFound } from "./errors";
import { wavePlanFromResults, type WavePlan } from "./waves";

export interface NewObjectivePage {
  team: TeamRow;
  /** Null when the org has no wave to write objectives in. */
  plan: WavePlan | null;
}

export async function getNewObjectivePage(
  db: D1Database,
  access: OrgAccess,
  teamId: string,
  waveParam: string | null,
  now: Date,
): Promise<NewObjectivePage> {
  if (!isId(teamId)) throw notFound("That team");
  const wave = waveParam || "";
  if (wave !== "" && !isId(wave)) throw notFound("That wave");
  const orgId = access.org.id;
  const [[teamRows], [waveRows, objectives, keyResults], [teams]] = await batchGroups(db, [
    [teamStatement(db, orgId, teamId)],
    objectiveFormWaveStatements(db, orgId, wave),
    [listTeamsStatement(db, orgId)],
  ]);
  const team = teamRows.results[0];
  if (!team) throw notFound("That team");
  if (!waveRows.results[0]) {
    if (wave !== "") throw notFound("That wave");
    return { team, plan: null };
  }
  return { team, plan: wavePlanFromResults(access, [waveRows, objectives, keyResults, teams], now) };
}

import { localDate } from "../../src/domain/calendar";
import { keyResultInputs } from "./board-inputs";
import { assembleBoard, type TeamView } from "../../src/domain/okr/board";
import { checkInsOfTeamStatement, keyResultsOfWaveStatement, objectivesOfWaveStatement, orgObjectivesOfDraftWavesStatement, type CheckInRow } from "../db/objectives";
import { reflectionsOfTeamStatement, type ReflectionRow } from "../db/reflections";
import { listWaves, type WaveRow } from "../db/waves";
import { canActForTeam, type OrgAccess } from "./access";
import { getTeam } from "./teams";
import type { BoardModel } from "../../src/domain/okr/board";
import { batch } from "../db/typed";

export interface TeamPageView {
  team: { id: string; name: string; mission: string; declared_size: number };
  canEdit: boolean;
  today: string;
  /** The wave shown: ?wave=, else the active wave, else the newest. */
  wave: WaveRow | null;
  waves: WaveRow[];
  view: TeamView | null;
  calendar: BoardModel["calendar"] | null;
  orgObjectives: { id: string; title: string; kind: string | null }[];
  checkIns: CheckInRow[];
  reflections: (ReflectionRow & { wave_name: string })[];
  /** Org objectives of draft waves, for carrying a finished wave's objectives over. */
  draftOrgObjectives: { waveId: string; id: string; title: string }[];
}

/** One team's objectives, rationale, key results with check-in history, and reflections. */
export async function getTeamPage(db: D1Database, access: OrgAccess, teamId: string, waveId: string | null, now: Date): Promise<TeamPageView> {
  const team = await getTeam(db, access, teamId);
  const waves = await listWaves(db, access.org.id);
  const wave = waves.find((w) => w.id === waveId) ?? waves.find((w) => w.state === "active") ?? waves[0] ?? null;
  const today = localDate(now, access.org.time_zone);
  const base = { team, canEdit: canActForTeam(access, team.id), today, wave, waves };
  if (!wave) {
    const [reflections] = await batch(db, [reflectionsOfTeamStatement(db, access.org.id, team.id)]);
    return { ...base, view: null, calendar: null, orgObjectives: [], checkIns: [], reflections: reflections.results, draftOrgObjectives: [] };
  }
  const [objectives, keyResults, checkIns, reflections, drafts] = await batch(db, [
    objectivesOfWaveStatement(db, access.org.id, wave.id),
    keyResultsOfWaveStatement(db, access.org.id, wave.id),
    checkInsOfTeamStatement(db, access.org.id, team.id, wave.id),
    reflectionsOfTeamStatement(db, access.org.id, team.id),
    orgObjectivesOfDraftWavesStatement(db, access.org.id),
  ]);
  const objectiveRows = objectives.results;
  const lastAt = checkIns.results.at(-1)?.created_at;
  const board = assembleBoard({
    wave: { startsOn: wave.starts_on, endsOn: wave.ends_on },
    today: wave.state === "completed" ? wave.ends_on : today,
    objectives: objectiveRows.map((o) => ({ id: o.id, level: o.level, teamId: o.team_id, parentId: o.parent_id, kind: o.kind, title: o.title, rationale: o.rationale })),
    keyResults: keyResultInputs(keyResults.results, access.org.time_zone),
    teams: [{ id: team.id, name: team.name, mission: team.mission }],
    lastCheckInOn: new Map(lastAt ? [[team.id, localDate(new Date(lastAt), access.org.time_zone)]] : []),
  });
  return {
    ...base,
    view: board.teams[0] ?? null,
    calendar: board.calendar,
    orgObjectives: objectiveRows.filter((o) => o.level === "org").map((o) => ({ id: o.id, title: o.title, kind: o.kind })),
    checkIns: checkIns.results,
    reflections: reflections.results,
    draftOrgObjectives: drafts.results.map((d) => ({ waveId: d.wave_id, id: d.id, title: d.title })),
  };
}

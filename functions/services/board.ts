import { localDate } from "../../src/domain/calendar";
import { keyResultInputs } from "./board-inputs";
import { assembleBoard, type BoardModel } from "../../src/domain/okr/board";
import { applySentimentSignals } from "../../src/domain/pulse/board-signals";
import { keyResultsOfActiveWaveStatement, lastCheckInPerTeamStatement, objectivesOfActiveWaveStatement } from "../db/objectives";
import { activeWaveOf, waveSentimentStatements } from "../db/pulse-reads";
import { listTeamsStatement } from "../db/teams";
import { activeAndDraftWavesStatement, type WaveRow } from "../db/waves";
import { batch, batchGroups, type BatchResults } from "../db/typed";
import { currentWeek } from "../../src/domain/ppp/week";
import { boardHelpFromResults, boardHelpStatements, type BoardHelp } from "./boost-views";
import type { OrgAccess } from "./access";
import { publishSentiment, type OrgSentiment } from "./sentiment";

export interface BoardView {
  today: string;
  wave: WaveRow | null;
  /** Waves waiting in draft, for the empty state. */
  draftWaves: { id: string; name: string }[];
  teamCount: number;
  board: BoardModel | null;
  /** Confidence heat maps of the active wave, already suppressed. */
  sentiment: OrgSentiment | null;
}

/** The board's reads, for getBoard and for any view that adds its own to the same batch. */
export function boardStatements(db: D1Database, orgId: string) {
  return [
    activeAndDraftWavesStatement(db, orgId),
    objectivesOfActiveWaveStatement(db, orgId),
    keyResultsOfActiveWaveStatement(db, orgId),
    listTeamsStatement(db, orgId),
    lastCheckInPerTeamStatement(db, orgId),
    ...waveSentimentStatements(db, activeWaveOf(orgId)),
  ] as const;
}

export type BoardResults = BatchResults<ReturnType<typeof boardStatements>>;

/**
 * Assembles the board from the results of boardStatements (in that order). When the read
 * finds a pulse week that is over and not yet published, it publishes it (one write batch,
 * src/domain/pulse/publication.ts) before answering.
 */
export async function boardFromResults(db: D1Database, access: OrgAccess, results: BoardResults, now: Date): Promise<BoardView> {
  const orgId = access.org.id;
  const [waves, objectives, keyResults, teams, lastCheckIns, teamWeek, respondents, objectiveWeek, releases] = results;
  const waveRows = waves.results;
  const wave = waveRows.find((w) => w.state === "active") ?? null;
  const teamRows = teams.results;
  const today = localDate(now, access.org.time_zone);
  const base = {
    today,
    wave,
    draftWaves: waveRows.filter((w) => w.state === "draft").map((w) => ({ id: w.id, name: w.name })),
    teamCount: teamRows.length,
  };
  if (!wave) return { ...base, board: null, sentiment: null };

  const lastCheckInOn = new Map(lastCheckIns.results.map((r) => [r.team_id, localDate(new Date(r.last_at), access.org.time_zone)]));
  const objectiveRows = objectives.results;
  const board = assembleBoard({
    wave: { startsOn: wave.starts_on, endsOn: wave.ends_on },
    today,
    objectives: objectiveRows.map((o) => ({
      id: o.id,
      level: o.level,
      teamId: o.team_id,
      parentId: o.parent_id,
      kind: o.kind,
      title: o.title,
      rationale: o.rationale,
    })),
    keyResults: keyResultInputs(keyResults.results, access.org.time_zone),
    teams: teamRows.map((t) => ({ id: t.id, name: t.name, mission: t.mission })),
    lastCheckInOn,
  });
  const sentiment = await publishSentiment(db, orgId, wave.id, {
    wave,
    now,
    orgK: access.org.anonymity_k,
    teams: teamRows,
    objectives: objectiveRows.filter((o) => o.level === "team").map((o) => ({ id: o.id, teamId: o.team_id ?? "", title: o.title })),
    rows: { teamWeek: teamWeek.results, respondents: respondents.results, objectiveWeek: objectiveWeek.results },
    releases: releases.results,
  });
  return { ...base, board: applySentimentSignals(board, sentiment), sentiment };
}

/**
 * "Where do we stand?" for one org. One D1 round trip after the access check, a fixed nine
 * statements whatever the number of teams, objectives, key results or votes, plus one write
 * batch when the read publishes a pulse week that is over.
 */
export async function getBoard(db: D1Database, access: OrgAccess, now: Date): Promise<BoardView> {
  return boardFromResults(db, access, await batch(db, boardStatements(db, access.org.id)), now);
}

/**
 * The board page: the board and, for admins, what leadership sees first (BoardHelp), in the
 * same one round trip after the access check.
 */
export async function getBoardPage(db: D1Database, access: OrgAccess, now: Date): Promise<BoardView & { help: BoardHelp | null }> {
  const week = currentWeek(now, access.org.time_zone);
  const [board, help] = await batchGroups(db, [
    boardStatements(db, access.org.id),
    access.isAdmin ? boardHelpStatements(db, access.org.id, week) : ([] as const),
  ]);
  return { ...(await boardFromResults(db, access, board, now)), help: help.length === 3 ? boardHelpFromResults(week, help) : null };
}

import { daysBetween } from "../calendar";
import { keyResultProgress, meanProgress, progressStatus, supportReasons, type ProgressStatus, type SupportReason } from "./progress";
import { waveCalendar, type WaveCalendar, type WaveDates } from "./wave";
import type { Divergence } from "../pulse/signals";

/**
 * Assembles "where do we stand?" from flat rows: key-result progress rolls up into objectives,
 * team objectives into their teams, and every figure is set against the wave's expected
 * progress for today. Pure: the service passes rows and today's date in the org's time zone.
 */

export interface ObjectiveInput {
  id: string;
  level: "org" | "team";
  teamId: string | null;
  parentId: string | null;
  kind: "roofshot" | "moonshot" | null;
  title: string;
  rationale: string;
}

export interface KeyResultInput {
  id: string;
  objectiveId: string;
  title: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  /**
   * The day (org time zone) the key result was written. Its expected progress starts then, not
   * at the wave's first day, so a key result added mid-wave is not behind before it could move.
   * Omitted or before the wave: it starts with the wave.
   */
  writtenOn?: string;
  /** The lead's latest confidence with a check-in, 1–5; null or omitted when never given. */
  confidence?: number | null;
}

export interface TeamInput {
  id: string;
  name: string;
  mission: string;
}

export interface KeyResultView extends KeyResultInput {
  progress: number;
  /** Expected progress today, 0–100, counted from the later of the wave's first day and `writtenOn`. */
  expected: number;
}

export interface ObjectiveView {
  id: string;
  title: string;
  rationale: string;
  kind: "roofshot" | "moonshot" | null;
  teamId: string | null;
  parentId: string | null;
  progress: number | null;
  /** Mean expected progress of its key results today, 0–100 (the wave's when it has none). */
  expected: number;
  status: ProgressStatus;
  /** Mean of its key results' latest lead confidence, 1–5, or null when none was given. */
  leadConfidence: number | null;
  keyResults: KeyResultView[];
  /** Set by pulse/board-signals when the team's votes disagree with the key results. */
  divergence?: Divergence | null;
}

export interface OrgObjectiveView extends ObjectiveView {
  /** True when the org objective has no key results of its own and rolls up its teams'. */
  rolledUp: boolean;
  teams: { teamId: string; teamName: string; objectives: ObjectiveView[] }[];
}

export interface TeamView extends TeamInput {
  objectives: ObjectiveView[];
  progress: number | null;
  /** Mean expected progress of its measured objectives today, 0–100 (the wave's when none). */
  expected: number;
  status: ProgressStatus;
  lastCheckInOn: string | null;
  daysSinceCheckIn: number | null;
  supportReasons: SupportReason[];
}

export interface BoardModel {
  calendar: WaveCalendar;
  orgObjectives: OrgObjectiveView[];
  teams: TeamView[];
  needsSupport: TeamView[];
}

export function assembleBoard(input: {
  wave: WaveDates;
  today: string;
  objectives: readonly ObjectiveInput[];
  keyResults: readonly KeyResultInput[];
  teams: readonly TeamInput[];
  /** Date (org time zone) of each team's latest check-in this wave. */
  lastCheckInOn: ReadonlyMap<string, string>;
}): BoardModel {
  const calendar = waveCalendar(input.wave, input.today);
  const expected = calendar.expectedProgress;
  const krsByObjective = new Map<string, KeyResultView[]>();
  for (const kr of input.keyResults) {
    const list = krsByObjective.get(kr.objectiveId) ?? [];
    list.push({ ...kr, progress: keyResultProgress(kr), expected: keyResultExpected(input.wave, kr.writtenOn, input.today) });
    krsByObjective.set(kr.objectiveId, list);
  }
  const view = (o: ObjectiveInput, rolledUp?: { progress: number | null; expected: number }): ObjectiveView => {
    const keyResults = krsByObjective.get(o.id) ?? [];
    const progress = rolledUp ? rolledUp.progress : meanProgress(keyResults.map((k) => k.progress));
    const own = rolledUp ? rolledUp.expected : (meanProgress(keyResults.map((k) => k.expected)) ?? expected);
    return {
      id: o.id,
      title: o.title,
      rationale: o.rationale,
      kind: o.kind,
      teamId: o.teamId,
      parentId: o.parentId,
      progress,
      expected: own,
      status: progressStatus(progress, own),
      leadConfidence: meanProgress(keyResults.flatMap((k) => (k.confidence == null ? [] : [k.confidence]))),
      keyResults,
    };
  };

  const teamObjectives = input.objectives.filter((o) => o.level === "team").map((o) => view(o));
  const teamName = new Map(input.teams.map((t) => [t.id, t.name]));

  const orgObjectives: OrgObjectiveView[] = input.objectives
    .filter((o) => o.level === "org")
    .map((o) => {
      const aligned = teamObjectives.filter((t) => t.parentId === o.id);
      const own = krsByObjective.get(o.id) ?? [];
      const rolledUp = own.length === 0;
      const teamIds = [...new Set(aligned.map((a) => a.teamId ?? ""))];
      return {
        ...view(o, rolledUp ? rollUp(aligned, expected) : undefined),
        rolledUp,
        teams: teamIds
          .map((teamId) => ({ teamId, teamName: teamName.get(teamId) ?? "", objectives: aligned.filter((a) => a.teamId === teamId) }))
          .sort((a, b) => a.teamName.localeCompare(b.teamName)),
      };
    });

  const teams: TeamView[] = input.teams.map((t) => {
    const objectives = teamObjectives.filter((o) => o.teamId === t.id);
    const { progress, expected: own } = rollUp(objectives, expected);
    const lastCheckInOn = input.lastCheckInOn.get(t.id) ?? null;
    const daysSinceCheckIn = lastCheckInOn ? Math.max(0, daysBetween(lastCheckInOn, input.today)) : null;
    const reasons =
      objectives.length === 0 || calendar.phase === "upcoming"
        ? []
        : supportReasons({ progress, expected: own, daysSinceCheckIn, daysElapsed: calendar.daysElapsed });
    return {
      ...t,
      objectives,
      progress,
      expected: own,
      status: progressStatus(progress, own),
      lastCheckInOn,
      daysSinceCheckIn,
      supportReasons: reasons,
    };
  });

  return { calendar, orgObjectives, teams, needsSupport: teams.filter((t) => t.supportReasons.length > 0) };
}

/** Expected progress of one key result today, 0–100: the wave's calendar from the day it was written. */
function keyResultExpected(wave: WaveDates, writtenOn: string | undefined, today: string): number {
  const startsOn = writtenOn && writtenOn > wave.startsOn ? (writtenOn > wave.endsOn ? wave.endsOn : writtenOn) : wave.startsOn;
  return waveCalendar({ startsOn, endsOn: wave.endsOn }, today).expectedProgress;
}

/** Mean progress and mean expected progress of the objectives that have key results. */
function rollUp(objectives: readonly ObjectiveView[], fallbackExpected: number): { progress: number | null; expected: number } {
  const measured = objectives.filter((o) => o.progress !== null);
  return {
    progress: meanProgress(measured.map((o) => o.progress as number)),
    expected: meanProgress(measured.map((o) => o.expected)) ?? fallbackExpected,
  };
}

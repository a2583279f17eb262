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
}

export interface TeamInput {
  id: string;
  name: string;
  mission: string;
}

export interface KeyResultView extends KeyResultInput {
  progress: number;
}

export interface ObjectiveView {
  id: string;
  title: string;
  rationale: string;
  kind: "roofshot" | "moonshot" | null;
  teamId: string | null;
  parentId: string | null;
  progress: number | null;
  status: ProgressStatus;
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
    list.push({ ...kr, progress: keyResultProgress(kr) });
    krsByObjective.set(kr.objectiveId, list);
  }
  const view = (o: ObjectiveInput, progressOverride?: number | null): ObjectiveView => {
    const keyResults = krsByObjective.get(o.id) ?? [];
    const progress = progressOverride !== undefined ? progressOverride : meanProgress(keyResults.map((k) => k.progress));
    return { id: o.id, title: o.title, rationale: o.rationale, kind: o.kind, teamId: o.teamId, parentId: o.parentId, progress, status: progressStatus(progress, expected), keyResults };
  };

  const teamObjectives = input.objectives.filter((o) => o.level === "team").map((o) => view(o));
  const teamName = new Map(input.teams.map((t) => [t.id, t.name]));

  const orgObjectives: OrgObjectiveView[] = input.objectives
    .filter((o) => o.level === "org")
    .map((o) => {
      const aligned = teamObjectives.filter((t) => t.parentId === o.id);
      const own = krsByObjective.get(o.id) ?? [];
      const rolledUp = own.length === 0;
      const progress = rolledUp ? meanProgress(aligned.map((a) => a.progress).filter((p): p is number => p !== null)) : undefined;
      const teamIds = [...new Set(aligned.map((a) => a.teamId ?? ""))];
      return {
        ...view(o, progress),
        rolledUp,
        teams: teamIds
          .map((teamId) => ({ teamId, teamName: teamName.get(teamId) ?? "", objectives: aligned.filter((a) => a.teamId === teamId) }))
          .sort((a, b) => a.teamName.localeCompare(b.teamName)),
      };
    });

  const teams: TeamView[] = input.teams.map((t) => {
    const objectives = teamObjectives.filter((o) => o.teamId === t.id);
    const progress = meanProgress(objectives.map((o) => o.progress).filter((p): p is number => p !== null));
    const lastCheckInOn = input.lastCheckInOn.get(t.id) ?? null;
    const daysSinceCheckIn = lastCheckInOn ? Math.max(0, daysBetween(lastCheckInOn, input.today)) : null;
    const reasons = objectives.length === 0 || calendar.phase === "upcoming" ? [] : supportReasons({ progress, expected, daysSinceCheckIn, daysElapsed: calendar.daysElapsed });
    return { ...t, objectives, progress, status: progressStatus(progress, expected), lastCheckInOn, daysSinceCheckIn, supportReasons: reasons };
  });

  return { calendar, orgObjectives, teams, needsSupport: teams.filter((t) => t.supportReasons.length > 0) };
}

/**
 * The reports page (admins): the schedule, the teams to preview for, and one email's preview,
 * in one batch after the access check. The preview is the API's (report-previews.ts).
 */
import { scheduleStatement } from "../db/report-schedules";
import { listTeamsStatement } from "../db/teams";
import { batchPart, batchParts, type BatchPart } from "../db/typed";
import { requireAdmin, type OrgAccess } from "./access";
import { AppError } from "./errors";
import { previewPart, type ReportPreview } from "./report-previews";
import { reportScheduleOf, type ReportSchedule } from "./report-settings";

export interface ReportsPage {
  schedule: ReportSchedule;
  teams: { id: string; name: string }[];
  /** The team the preview is for (the first team when none is asked for). */
  team: string | null;
  /**
   * Set when a team's email is asked for without a team: the first team, for the page to
   * name in its URL (the team-scoped reads need the id before the batch). No preview then.
   */
  defaultTeam: string | null;
  preview: ReportPreview | null;
  /** Why there is no preview (no campaign yet, no wave, no pulse link…); "" when there is one. */
  previewProblem: string;
}

const noPreview: BatchPart<Promise<ReportPreview | null>> = batchPart([] as const, () => Promise.resolve(null));

export async function getReportsPage(
  db: D1Database,
  access: OrgAccess,
  kind: string,
  teamParam: string | null,
  origin: string,
  now: Date,
): Promise<ReportsPage> {
  requireAdmin(access);
  const teamKind = kind === "team_report" || kind === "pulse_reminder";
  let previewProblem = "";
  let part: BatchPart<Promise<ReportPreview | null>> = noPreview;
  try {
    part = previewPart(db, access, kind, teamKind ? teamParam : null, origin, now);
  } catch (error) {
    previewProblem = problemOf(error);
  }
  const [schedule, teams, previewed] = await batchParts(db, [
    batchPart([scheduleStatement(db, access.org.id)] as const, ([rows]) => reportScheduleOf(rows.results[0])),
    batchPart([listTeamsStatement(db, access.org.id)] as const, ([rows]) => rows.results.map((t) => ({ id: t.id, name: t.name }))),
    part,
  ]);
  if (teamKind && teamParam === null && teams.length > 0) {
    previewed.catch(() => undefined); // the 404 of "no team", replaced by the first team
    return { schedule, teams, team: teams[0].id, defaultTeam: teams[0].id, preview: null, previewProblem: "" };
  }
  let preview: ReportPreview | null = null;
  try {
    preview = await previewed;
  } catch (error) {
    previewProblem = problemOf(error);
  }
  return { schedule, teams, team: teamParam ?? teams[0]?.id ?? null, defaultTeam: null, preview, previewProblem };
}

function problemOf(error: unknown): string {
  if (!(error instanceof AppError)) throw error;
  return error.details[0]?.issue ?? error.message;
}

import { divergenceText } from "../../src/domain/pulse/signals";
import { helpLine } from "../../src/domain/reports/help-line";
import { runInBatches } from "../db/batches";
import { listMembers, type MemberRow } from "../db/orgs";
import { enqueueStatement } from "../db/outbox";
import type { ScheduledOrgRow } from "../db/report-schedules";
import { recentWeeks } from "../email/heat-table";
import { buildOrgReportEmail, buildTeamReportEmail, type OrgReportModel, type TeamReportModel } from "../email/weekly-reports";
import { jobAccess, type OrgAccess } from "./access";
import { getBoard, type BoardView } from "./board";
import { subscriptionsFor, unsubscribeLink } from "./subscriptions";

/** How many weeks of the heat map a report shows. */
const REPORT_WEEKS = 3;

const REASON_TEXT: Record<string, string> = { behind: "behind its key results", "no-recent-check-in": "no check-in for a week", "confidence-drop": "confidence dropped", divergence: "votes and key results disagree" };

/** The org report's content from the board, already suppressed. Null when no wave is running. */
export function orgReportModel(view: BoardView, org: { name: string; slug: string; anonymity_k: number }, origin: string): OrgReportModel | null {
  const { board, wave, sentiment } = view;
  if (!board || !wave) return null;
  const divergences = board.teams.flatMap((t) => t.objectives.filter((o) => o.divergence).map((o) => `${t.name}, “${o.title}”: ${divergenceText(o.divergence!)}`));
  return {
    orgName: org.name,
    boardUrl: `${origin}/o/${org.slug}`,
    k: org.anonymity_k,
    wave: { name: wave.name, startsOn: wave.starts_on, endsOn: wave.ends_on, daysRemaining: board.calendar.daysRemaining, expected: board.calendar.expectedProgress },
    objectives: board.orgObjectives.map((o) => ({ label: `${o.kind === "moonshot" ? "Moonshot: " : ""}${o.title}`, progress: o.progress, status: o.status })),
    heat: sentiment ? recentWeeks(sentiment.org, REPORT_WEEKS) : null,
    drops: board.teams.filter((t) => t.supportReasons.includes("confidence-drop")).map((t) => t.name),
    divergences,
    ppp: null,
    boosts: null,
    helpLine: helpLine({ teams: board.needsSupport.map((t) => ({ team: t.name, reasons: t.supportReasons.map((r) => REASON_TEXT[r] ?? r) })) }),
  };
}

/** A lead's team report from the same board view. Null when no wave is running. */
export function teamReportModel(view: BoardView, org: { name: string; slug: string; anonymity_k: number }, teamId: string, origin: string): TeamReportModel | null {
  const { board, wave, sentiment } = view;
  const team = board?.teams.find((t) => t.id === teamId);
  if (!board || !wave || !team) return null;
  const heat = sentiment?.teams.get(teamId);
  return {
    orgName: org.name,
    teamName: team.name,
    teamUrl: `${origin}/o/${org.slug}/teams/${team.id}`,
    k: org.anonymity_k,
    wave: { name: wave.name, daysRemaining: board.calendar.daysRemaining, expected: board.calendar.expectedProgress },
    objectives: team.objectives.map((o) => ({ label: o.title, progress: o.progress, status: o.status })),
    heat: heat && heat.rows.length ? recentWeeks(heat, REPORT_WEEKS) : null,
    lastWeekPlans: null,
    boostsTo: null,
    boostsFrom: null,
  };
}

/**
 * The weekly reports of one org: the org report to every admin, the team report to every
 * lead, once per week each (idempotency key per org, recipient, report and week), skipping
 * whoever unsubscribed. Nothing when no wave is running: there is nothing to report on.
 */
export async function enqueueWeeklyReports(db: D1Database, org: ScheduledOrgRow, week: string, origin: string, now: Date): Promise<number> {
  const access: OrgAccess = jobAccess(org);
  const view = await getBoard(db, access, now);
  const orgModel = orgReportModel(view, org, origin);
  if (!orgModel) return 0;
  const members: MemberRow[] = await listMembers(db, org.id);
  const wanted = members.map((m) => ({ email: m.email, kind: m.role === "admin" ? ("org_report" as const) : ("team_report" as const), member: m }));
  const subscriptions = await subscriptionsFor(db, org.id, wanted, now);
  const statements: D1PreparedStatement[] = [];
  for (const w of wanted) {
    const sub = subscriptions.get(`${w.email}|${w.kind}`);
    if (!sub || sub.unsubscribed_at) continue;
    const unsubscribe = unsubscribeLink(origin, sub.token);
    if (w.kind === "org_report") {
      statements.push(enqueueStatement(db, { idempotencyKey: `org_report:${org.id}:${w.email}:${week}`, kind: "org_report", to: w.email, headers: unsubscribe.headers, subscriptionToken: sub.token, ...buildOrgReportEmail(orgModel, unsubscribe.url) }, now));
    } else if (w.member.team_id) {
      const teamModel = teamReportModel(view, org, w.member.team_id, origin);
      if (!teamModel) continue;
      statements.push(enqueueStatement(db, { idempotencyKey: `team_report:${org.id}:${w.email}:${w.member.team_id}:${week}`, kind: "team_report", to: w.email, headers: unsubscribe.headers, subscriptionToken: sub.token, ...buildTeamReportEmail(teamModel, unsubscribe.url) }, now));
    }
  }
  return runInBatches(db, statements);
}

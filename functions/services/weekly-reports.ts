import { daysBetween, localDate } from "../../src/domain/calendar";
import { divergenceText } from "../../src/domain/pulse/signals";
import { helpLine } from "../../src/domain/reports/help-line";
import { orgChatChannelsStatement } from "../db/chat-channels";
import { listMembersStatement } from "../db/orgs";
import { batch } from "../db/typed";
import type { NewOutboxMessage } from "../db/outbox";
import type { ScheduledOrgRow } from "../db/report-schedules";
import { recentWeeks } from "../email/heat-table";
import type { BoostListRow } from "../db/boosts";
import {
  buildOrgReportEmail,
  buildTeamReportEmail,
  orgReportChatMessage,
  type ActionLine,
  type BoostLine,
  type OrgReportModel,
  type TeamReportModel,
} from "../email/weekly-reports";
import { jobAccess, type OrgAccess } from "./access";
import { actionsDataPart, actionsFor, type ActionsData } from "./actions";
import type { BoardView } from "./board";
import { boardHelpPart, getTeamBoosts, type BoardHelp } from "./boost-views";
import { postOnce, type ChatFetch } from "./chat-channels";
import { getPpp, type PppView } from "./ppp";
import { pppSummaryPart, type PppSummary } from "./ppp-summary";
import { batchPart, batchParts, joinParts, type BatchPart } from "../db/typed";
import { enqueueEmails } from "./outbox";
import { subscriptionsFor, unsubscribeLink } from "./subscriptions";

/** How many weeks of the heat map a report shows. */
const REPORT_WEEKS = 3;
/** How many of the longest-open problems the org report lists. */
const OLDEST_PROBLEMS = 3;

const REASON_TEXT: Record<string, string> = {
  behind: "behind its key results",
  "no-recent-check-in": "no check-in for a week",
  "confidence-drop": "confidence dropped",
  divergence: "key results, lead and votes disagree",
};

/** Everything the weekly reports of one org draw on, read once per org and week. */
export interface ReportData {
  view: BoardView;
  ppp: PppSummary;
  help: BoardHelp | null;
  today: string;
  /** The Action Center's data: each recipient's own open items open their report. */
  actions: ActionsData;
}

/** What the weekly reports are made of, for the whole org: one round trip. */
export async function readReportData(db: D1Database, access: OrgAccess, now: Date): Promise<ReportData> {
  const [data] = await batchParts(db, [reportDataPart(db, access, now)]);
  return data;
}

/** readReportData's reads for a caller's batch (the report previews). The help is read as admins see it. */
export function reportDataPart(db: D1Database, access: OrgAccess, now: Date): BatchPart<Promise<ReportData>> {
  return joinParts(
    [actionsDataPart(db, access, now), pppSummaryPart(db, access, null, now), access.isAdmin ? boardHelpPart(db, access, now) : noPart],
    async ([actions, ppp, help]) => ({
      view: (await actions).board,
      ppp,
      help,
      today: localDate(now, access.org.time_zone),
      actions: await actions,
    }),
  );
}

const noPart = batchPart([] as const, () => null);

/** The recipient's open items as report lines, with absolute links. */
function actionLines(data: ReportData, viewer: { isAdmin: boolean; teamId: string | null }, origin: string): ActionLine[] {
  return actionsFor(data.actions, viewer).items.map((i) => ({
    title: i.title,
    reason: i.reason,
    urgency: i.urgency,
    ageDays: i.ageDays,
    url: `${origin}${i.href}`,
  }));
}

function boostLine(b: BoostListRow, today: string, timeZone: string): BoostLine {
  return {
    from: b.from_team_name,
    to: b.helper_team_name ?? b.to_team_name ?? "any team",
    what: b.need,
    ageDays: Math.max(0, daysBetween(localDate(new Date(b.created_at), timeZone), today)),
  };
}

/** The org report's content from the board, PPPs and boosts, already suppressed. Null when no wave is running. */
export function orgReportModel(
  data: ReportData,
  org: { name: string; slug: string; anonymity_k: number; time_zone: string },
  origin: string,
): OrgReportModel | null {
  const { board, wave, sentiment } = data.view;
  if (!board || !wave) return null;
  const openBoosts = (data.help?.openBoosts ?? []).map((b) => boostLine(b, data.today, org.time_zone));
  const problems = data.ppp.openProblems.map((p) => ({ team: p.teamName, text: p.text, weeksOpen: p.weeksOpen }));
  const divergences = board.teams.flatMap((t) =>
    t.objectives.filter((o) => o.divergence).map((o) => `${t.name}, “${o.title}”: ${divergenceText(o.divergence!)}`),
  );
  return {
    orgName: org.name,
    boardUrl: `${origin}/o/${org.slug}`,
    actionsUrl: `${origin}/o/${org.slug}/actions`,
    actions: actionLines(data, { isAdmin: true, teamId: null }, origin),
    k: org.anonymity_k,
    wave: {
      name: wave.name,
      startsOn: wave.starts_on,
      endsOn: wave.ends_on,
      daysRemaining: board.calendar.daysRemaining,
      expected: board.calendar.expectedProgress,
    },
    objectives: board.orgObjectives.map((o) => ({
      label: `${o.kind === "moonshot" ? "Moonshot: " : ""}${o.title}`,
      progress: o.progress,
      expected: o.expected,
      status: o.status,
    })),
    heat: sentiment ? recentWeeks(sentiment.org, REPORT_WEEKS) : null,
    drops: board.teams.filter((t) => t.supportReasons.includes("confidence-drop")).map((t) => t.name),
    divergences,
    ppp: {
      posted: data.ppp.teams.filter((t) => t.posted).map((t) => t.name),
      missing: data.ppp.teams.filter((t) => !t.posted).map((t) => t.name),
      oldestProblems: problems.slice(0, OLDEST_PROBLEMS),
    },
    boosts: openBoosts,
    helpLine: helpLine({
      teams: board.needsSupport.map((t) => ({ team: t.name, reasons: t.supportReasons.map((r) => REASON_TEXT[r] ?? r) })),
      boosts: openBoosts,
      problems,
    }),
  };
}

/** A lead's team report from the same data plus the team's PPP and boosts. Null when no wave is running. */
export function teamReportModel(
  data: ReportData,
  org: { name: string; slug: string; anonymity_k: number; time_zone: string },
  teamId: string,
  origin: string,
  own: { ppp: PppView | null; boosts: BoostListRow[] },
): TeamReportModel | null {
  const { board, wave, sentiment } = data.view;
  const team = board?.teams.find((t) => t.id === teamId);
  if (!board || !wave || !team) return null;
  const heat = sentiment?.teams.get(teamId);
  const previous = own.ppp?.previous ?? null;
  const open = own.boosts.filter((b) => b.state === "open" || b.state === "accepted");
  const line = (b: BoostListRow) => boostLine(b, data.today, org.time_zone);
  return {
    orgName: org.name,
    teamName: team.name,
    teamUrl: `${origin}/o/${org.slug}/teams/${team.id}`,
    actionsUrl: `${origin}/o/${org.slug}/actions`,
    actions: actionLines(data, { isAdmin: false, teamId }, origin),
    k: org.anonymity_k,
    wave: { name: wave.name, daysRemaining: board.calendar.daysRemaining, expected: board.calendar.expectedProgress },
    objectives: team.objectives.map((o) => ({ label: o.title, progress: o.progress, expected: o.expected, status: o.status })),
    heat: heat && heat.rows.length ? recentWeeks(heat, REPORT_WEEKS) : null,
    lastWeekPlans: previous
      ? previous.plans.map((p) => ({
          text: p.text,
          done: own.ppp?.reviews[p.thread] === "done" ? true : own.ppp?.reviews[p.thread] === "carried" ? false : null,
        }))
      : [],
    boostsTo: open.filter((b) => b.from_team_id === teamId).map(line),
    boostsFrom: open
      .filter((b) => b.from_team_id !== teamId && (b.to_team_id === teamId || b.helper_team_id === teamId || b.to_team_id === null))
      .map(line),
  };
}

/**
 * The weekly reports of one org: the org report to every admin, the team report to every
 * lead, once per week each (idempotency key per org, recipient, report and week), skipping
 * whoever unsubscribed. Nothing when no wave is running: there is nothing to report on.
 *
 * With an org chat channel, the org report's summary (orgReportChatMessage) is posted there
 * once per week instead of the admins' emails; when the post fails, the admins get the email.
 */
export async function enqueueWeeklyReports(
  db: D1Database,
  org: ScheduledOrgRow,
  week: string,
  origin: string,
  now: Date,
  send: ChatFetch = (url, init) => fetch(url, init),
): Promise<number> {
  const access: OrgAccess = jobAccess(org);
  const data = await readReportData(db, access, now);
  const orgModel = orgReportModel(data, org, origin);
  if (!orgModel) return 0;
  const [members, channels] = await batch(db, [listMembersStatement(db, org.id), orgChatChannelsStatement(db, org.id)]);
  // The org's channel gets the summary instead of the admins' emails; a failed post sends them.
  const orgChannel = channels.results.find((c) => c.team_id === null);
  const postedToChannel =
    orgChannel !== undefined &&
    (await postOnce(db, send, orgChannel, `weekly_report:${week}`, orgReportChatMessage(orgModel), now)) !== "failed";
  const wanted = members.results
    .filter((m) => !(postedToChannel && m.role === "admin"))
    .map((m) => ({
      email: m.email,
      kind: m.role === "admin" ? ("org_report" as const) : ("team_report" as const),
      member: m,
    }));
  const subscriptions = await subscriptionsFor(db, org.id, wanted, now);
  const messages: NewOutboxMessage[] = [];
  for (const w of wanted) {
    const sub = subscriptions.get(`${w.email}|${w.kind}`);
    if (!sub || sub.unsubscribed_at) continue;
    const unsubscribe = unsubscribeLink(origin, sub.token);
    if (w.kind === "org_report") {
      messages.push({
        idempotencyKey: `org_report:${org.id}:${w.email}:${week}`,
        kind: "org_report",
        to: w.email,
        headers: unsubscribe.headers,
        subscriptionToken: sub.token,
        ...buildOrgReportEmail(orgModel, unsubscribe.url),
      });
    } else if (w.member.team_id) {
      const [ppp, boosts] = await Promise.all([
        getPpp(db, access, w.member.team_id, null, now),
        getTeamBoosts(db, access, w.member.team_id, now),
      ]);
      const teamModel = teamReportModel(data, org, w.member.team_id, origin, { ppp, boosts: boosts.boosts });
      if (!teamModel) continue;
      messages.push({
        idempotencyKey: `team_report:${org.id}:${w.email}:${w.member.team_id}:${week}`,
        kind: "team_report",
        to: w.email,
        headers: unsubscribe.headers,
        subscriptionToken: sub.token,
        ...buildTeamReportEmail(teamModel, unsubscribe.url),
      });
    }
  }
  return (await enqueueEmails(db, messages, now)).length;
}

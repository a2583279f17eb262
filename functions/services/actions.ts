import { addDays, daysBetween } from "../../src/domain/calendar";
import { deriveActions, nextPppDueOn, type ActionBoost, type ActionItem, type ActionsInput } from "../../src/domain/actions/rules";
import { currentWeek } from "../../src/domain/ppp/week";
import {
  activeBoostMessagesStatement,
  activeBoostsBriefStatement,
  keyResultCheckInsStatement,
  pendingInvitesStatement,
  planReviewCountsStatement,
  recentProblemsStatement,
  reflectedTeamsStatement,
  submittedTeamsStatement,
} from "../db/actions";
import { problemBoostsStatement } from "../db/boosts";
import { pppDueWeekdayStatement } from "../db/ppp-settings";
import type { OrgAccess } from "./access";
import { boardFromResults, boardStatements, type BoardResults, type BoardView } from "./board";
import { batchPart, batchParts, joinParts, type BatchPart, type BatchResults } from "../db/typed";
import { openCampaignReadiness, openCampaignReadinessStatement } from "./campaign-results";

/** Everything the Action Center derives from, read once per org: the same for every viewer. */
export interface ActionsData {
  board: BoardView;
  input: Omit<ActionsInput, "viewer">;
  week: string;
  dueWeekday: number;
}

export interface ActionsView {
  today: string;
  items: ActionItem[];
  /** What comes next, for the empty state: the next PPP due day and the active wave's end. */
  next: { pppDueOn: string; wave: { name: string; endsOn: string; daysLeft: number } | null };
}

/**
 * The signed-in admin's or lead's open items. One batch of a fixed number of statements
 * whatever the org's size (the board's reads plus the center's own), plus the board's write
 * when this read publishes new pulse figures. The pulse item reads the published heat-map
 * cell (suppressed or not) from the sentiment service, the campaign item what the campaign's
 * result has published: never a raw count.
 */
export async function getActions(db: D1Database, access: OrgAccess, now: Date): Promise<ActionsView> {
  return actionsFor(await readActionsData(db, access, now), access);
}

/**
 * The Action Center's reads for the whole org in one batch, with the board they include (the
 * weekly reports reuse it). Stores the pulse figures the read publishes, as the board does.
 */
export async function readActionsData(db: D1Database, access: OrgAccess, now: Date): Promise<ActionsData> {
  const [data] = await batchParts(db, [actionsDataPart(db, access, now)]);
  return data;
}

/** The Action Center's own reads, beside the board's. */
function actionsOwnStatements(db: D1Database, orgId: string, week: string) {
  const lastWeek = addDays(week, -7);
  return [
    keyResultCheckInsStatement(db, orgId),
    submittedTeamsStatement(db, orgId, week),
    submittedTeamsStatement(db, orgId, lastWeek),
    planReviewCountsStatement(db, orgId, lastWeek, week),
    recentProblemsStatement(db, orgId, lastWeek, week),
    problemBoostsStatement(db, orgId, null),
    activeBoostsBriefStatement(db, orgId),
    activeBoostMessagesStatement(db, orgId),
    reflectedTeamsStatement(db, orgId),
    pendingInvitesStatement(db, orgId),
    pppDueWeekdayStatement(db, orgId),
    openCampaignReadinessStatement(db, orgId),
  ] as const;
}

/** readActionsData's reads for a caller's batch (the report previews add theirs to it). */
export function actionsDataPart(db: D1Database, access: OrgAccess, now: Date): BatchPart<Promise<ActionsData>> {
  const orgId = access.org.id;
  const week = currentWeek(now, access.org.time_zone);
  return joinParts(
    [batchPart(boardStatements(db, orgId), (r) => r), batchPart(actionsOwnStatements(db, orgId, week), (r) => r)],
    ([boardResults, own]) => actionsDataFromResults(db, access, boardResults, own, week, now),
  );
}

async function actionsDataFromResults(
  db: D1Database,
  access: OrgAccess,
  boardResults: BoardResults,
  own: BatchResults<ReturnType<typeof actionsOwnStatements>>,
  week: string,
  now: Date,
): Promise<ActionsData> {
  const lastWeek = addDays(week, -7);
  const view = await boardFromResults(db, access, boardResults, now);
  const [krs, posted, postedLast, reviews, problems, problemBoosts, boosts, messages, reflected, invites, due, campaign] = own;
  const dueWeekday = due.results[0]?.ppp_due_weekday ?? 5;
  const wave = view.wave;

  const messagesOf = new Map<string, ActionBoost["messages"]>();
  for (const m of messages.results)
    messagesOf.set(m.boost_id, [...(messagesOf.get(m.boost_id) ?? []), { teamId: m.team_id, kind: m.kind, at: m.created_at }]);
  // Each team's latest submitted PPP (this week's, else last week's) is where its problems stand.
  const problemRows = problems.results;
  const latestWeek = new Map<string, string>();
  for (const p of problemRows) if ((latestWeek.get(p.team_id) ?? "") < p.week_start) latestWeek.set(p.team_id, p.week_start);
  const postedTeams = new Set(posted.results.map((r) => r.team_id));
  const latestPosted = (teamId: string) => (postedTeams.has(teamId) ? week : lastWeek);

  // The team's latest published pulse week as the heat map shows it: suppressed or not, never
  // how many voted. A running week is never published (src/domain/pulse/publication.ts), so
  // the item is about the latest week that is over, and asks for more votes this week.
  const latestColumn = (view.sentiment?.weeks.length ?? 0) - 1;
  const hiddenPulse = new Set(
    latestColumn < 0 ? [] : (view.sentiment?.org.rows ?? []).filter((r) => r.cells[latestColumn]?.state === "suppressed").map((r) => r.key),
  );
  const hiddenPulseWeek = latestColumn < 0 ? null : (view.sentiment?.weeks[latestColumn] ?? null);

  const input: Omit<ActionsInput, "viewer"> = {
    slug: access.org.slug,
    today: view.today,
    now: now.toISOString(),
    timeZone: access.org.time_zone,
    wave: wave ? { id: wave.id, name: wave.name, startsOn: wave.starts_on, endsOn: wave.ends_on } : null,
    hasDraftWave: view.draftWaves.length > 0,
    teams: boardResults[3].results.map((t) => ({ id: t.id, name: t.name, createdAt: t.created_at })),
    objectives: boardResults[1].results
      .filter((o) => o.level === "team" && o.team_id)
      .map((o) => ({ id: o.id, teamId: o.team_id as string })),
    keyResults: krs.results.map((k) => ({
      id: k.id,
      objectiveId: k.objective_id,
      teamId: k.team_id,
      title: k.title,
      createdAt: k.created_at,
      lastCheckInAt: k.last_at,
    })),
    week,
    dueWeekday,
    posted: postedTeams,
    postedLastWeek: new Set(postedLast.results.map((r) => r.team_id)),
    planReviews: reviews.results.map((r) => ({ teamId: r.team_id, plans: r.plans, reviewed: r.reviewed })),
    problems: problemRows
      .filter((p) => p.week_start === latestPosted(p.team_id) && latestWeek.get(p.team_id) === p.week_start)
      .map((p) => ({ teamId: p.team_id, threadId: p.thread_id, text: p.body, sinceWeek: p.since_week })),
    problemBoosts: new Map(problemBoosts.results.map((b) => [b.problem_thread_id, { id: b.id, state: b.state }])),
    boosts: boosts.results.map((b) => ({
      id: b.id,
      fromTeamId: b.from_team_id,
      toTeamId: b.to_team_id,
      helperTeamId: b.helper_team_id,
      need: b.need,
      state: b.state,
      createdAt: b.created_at,
      acceptedAt: b.accepted_at,
      messages: messagesOf.get(b.id) ?? [],
    })),
    needsSupport: (view.board?.needsSupport ?? []).map((t) => ({
      teamId: t.id,
      reasons: t.supportReasons,
      daysSinceCheckIn: t.daysSinceCheckIn,
    })),
    hiddenPulse,
    hiddenPulseWeek,
    reflected: new Set(reflected.results.map((r) => r.team_id)),
    invites: invites.results.map((i) => ({ id: i.id, teamId: i.team_id, name: i.name, createdAt: i.created_at })),
    campaign: openCampaignReadiness(campaign.results, access.org.anonymity_k),
  };
  return { board: view, input, week, dueWeekday };
}

/** The open items of one viewer (an admin, or the lead of `teamId`), most urgent first. */
export function actionsFor(data: ActionsData, viewer: { isAdmin: boolean; teamId: string | null }): ActionsView {
  const { board, input } = data;
  const wave = board.wave;
  return {
    today: board.today,
    items: deriveActions({ ...input, viewer: { isAdmin: viewer.isAdmin, teamId: viewer.teamId } }),
    next: {
      pppDueOn: nextPppDueOn(board.today, data.week, data.dueWeekday),
      wave: wave ? { name: wave.name, endsOn: wave.ends_on, daysLeft: Math.max(0, daysBetween(board.today, wave.ends_on)) } : null,
    },
  };
}

import { isId } from "../../src/schemas/fields";
import { addDays, localDate } from "../../src/domain/calendar";
import { boostActions, messageRecipients, resolveRecipients, type BoostFacts } from "../../src/domain/boosts/rules";
import { ANY_TEAM, boostDeclineSchema, boostMessageSchema, boostSchema } from "../../src/schemas/boosts";
import {
  acceptBoostStatement,
  boostViewStatement,
  declineBoostStatement,
  findBoostIdBySubmission,
  insertBoostMessageStatement,
  insertBoostStatement,
  messagesOfBoostStatement,
  resolveBoostStatement,
  type BoostListRow,
  type BoostMessageRow,
} from "../db/boosts";
import { findObjective } from "../db/objectives";
import { findTeamProblem } from "../db/ppp";
import { findTeam, listTeams } from "../db/teams";
import type { OrgAccess } from "./access";
import { notifyBoostStep } from "./boost-notify";
import type { ChatFetch } from "./chat-channels";
import { conflict, forbidden, notFound, validationFailed } from "./errors";
import { randomToken } from "./tokens";
import { parseInput } from "./validate";
import { emitBoostEvent } from "./webhook-events";

/** A thread stays short: past this many messages people should talk directly. */
export const MAX_BOOST_MESSAGES = 50;

/** The boost's id and the outbox ids of the emails it sent, for deliverSoon. */
export interface BoostOutcome {
  id: string;
  outboxIds: number[];
}

export function boostFacts(b: BoostListRow): BoostFacts {
  return { state: b.state, fromTeamId: b.from_team_id, toTeamId: b.to_team_id, helperTeamId: b.helper_team_id };
}

/** Boosts are between teams: the viewer's team, or 403 for an admin who leads none. */
function leadTeam(access: OrgAccess, message: string): string {
  if (!access.teamId) throw forbidden(message);
  return access.teamId;
}

/** A boost of the viewer's org with its names; any other id is 404. */
export async function loadBoost(db: D1Database, access: OrgAccess, boostId: string): Promise<BoostListRow> {
  const row = isId(boostId) ? await boostViewStatement(db, access.org.id, boostId).first<BoostListRow>() : null;
  if (!row) throw notFound("That boost request");
  return row;
}

/**
 * A team lead asks another team, or any team, for help with one of the team's objectives or
 * PPP problems. Emails the leads asked, or posts in the asked team's chat channel instead
 * (`send` posts; the Worker's fetch by default). A retry with the same submission id returns the first
 * boost and sends nothing again.
 */
export async function createBoost(
  db: D1Database,
  access: OrgAccess,
  input: unknown,
  origin: string,
  now: Date,
  send?: ChatFetch,
): Promise<BoostOutcome> {
  const fromTeamId = leadTeam(access, "Boost requests are between teams: only a team's lead can ask for one.");
  const data = parseInput(boostSchema, input);
  if (data.submissionId) {
    const existing = await findBoostIdBySubmission(db, access.org.id, data.submissionId);
    if (existing) return { id: existing, outboxIds: [] };
  }
  const today = localDate(now, access.org.time_zone);
  const [toTeam, objective, problem] = await Promise.all([
    data.toTeamId === ANY_TEAM ? null : findTeam(db, access.org.id, data.toTeamId),
    data.objectiveId ? findObjective(db, access.org.id, data.objectiveId) : null,
    data.problemThreadId ? findTeamProblem(db, access.org.id, fromTeamId, data.problemThreadId) : null,
  ]);
  const issues = [];
  if (data.toTeamId !== ANY_TEAM && !toTeam)
    issues.push({ field: "toTeamId", issue: "Choose one of your organisation's teams, or any team." });
  if (toTeam?.id === fromTeamId) issues.push({ field: "toTeamId", issue: "Ask another team: this is your own team." });
  if (data.neededBy < today) issues.push({ field: "neededBy", issue: "That date has passed. Choose today or a later day." });
  if (data.neededBy > addDays(today, 365)) issues.push({ field: "neededBy", issue: "Choose a day within the next year." });
  if (data.objectiveId && (!objective || objective.level !== "team" || objective.team_id !== fromTeamId))
    issues.push({ field: "objectiveId", issue: "Choose one of your team's objectives." });
  if (data.problemThreadId && !problem) issues.push({ field: "problemThreadId", issue: "Choose one of your team's PPP problems." });
  if (issues.length) throw validationFailed(issues);

  const id = randomToken(16);
  const inserted = await insertBoostStatement(db, {
    id,
    org_id: access.org.id,
    from_team_id: fromTeamId,
    to_team_id: toTeam?.id ?? null,
    need: data.need,
    needed_by: data.neededBy,
    objective_id: objective?.id ?? null,
    problem_thread_id: problem ? data.problemThreadId : null,
    problem_text: problem?.body ?? null,
    requested_by: access.viewer.personId,
    submission_id: data.submissionId,
    created_at: now.toISOString(),
    today,
  }).run();
  if (inserted.meta.changes !== 1 && data.submissionId) {
    // The same submission arrived twice at once: the other request created it.
    const existing = await findBoostIdBySubmission(db, access.org.id, data.submissionId);
    if (existing) return { id: existing, outboxIds: [] };
    throw conflict("That submission id was used for another request. Reload the page and try again.");
  }
  const boost = await loadBoost(db, access, id);
  const asked = toTeam ? [toTeam.id] : (await listTeams(db, access.org.id)).map((t) => t.id).filter((t) => t !== fromTeamId);
  await emitBoostEvent(db, access, "boost.created", boost, now);
  return { id, outboxIds: await notifyBoostStep(db, access, boost, asked, { kind: "created" }, origin, now, send) };
}

async function actionable(
  db: D1Database,
  access: OrgAccess,
  boostId: string,
  action: keyof ReturnType<typeof boostActions>,
  message: string,
) {
  const boost = await loadBoost(db, access, boostId);
  const teamId = leadTeam(access, message);
  if (boost.state === "resolved" || boost.state === "declined")
    throw conflict(`This request is ${boost.state}; nothing more can change on it. Ask again if you still need help.`);
  if (!boostActions(boostFacts(boost), teamId)[action]) {
    if (boost.state === "accepted" && (action === "accept" || action === "decline"))
      throw conflict(`${boost.helper_team_name ?? "Another team"} already accepted this request.`);
    throw forbidden(message);
  }
  return { boost, teamId };
}

/** The asked team's lead takes the boost on; for "any team" the first lead to accept wins. */
export async function acceptBoost(db: D1Database, access: OrgAccess, boostId: string, origin: string, now: Date): Promise<BoostOutcome> {
  const { boost, teamId } = await actionable(db, access, boostId, "accept", "Only the lead of a team this request asks can accept it.");
  const result = await acceptBoostStatement(db, access.org.id, boost.id, teamId, now.toISOString()).run();
  if (result.meta.changes !== 1) throw conflict("Another team accepted this request first.");
  const updated = await loadBoost(db, access, boost.id);
  await emitBoostEvent(db, access, "boost.accepted", updated, now);
  return {
    id: boost.id,
    outboxIds: await notifyBoostStep(
      db,
      access,
      updated,
      [boost.from_team_id],
      { kind: "accepted", helperTeam: updated.helper_team_name ?? "" },
      origin,
      now,
    ),
  };
}

/**
 * The asked team's lead declines with a reason. A request to one team closes; a request to
 * any team stays open for the others, with the reason in the thread.
 */
export async function declineBoost(
  db: D1Database,
  access: OrgAccess,
  boostId: string,
  input: unknown,
  origin: string,
  now: Date,
): Promise<BoostOutcome> {
  const { boost, teamId } = await actionable(db, access, boostId, "decline", "Only the lead of a team this request asks can decline it.");
  const data = parseInput(boostDeclineSchema, input);
  const thread = (await messagesOfBoostStatement(db, access.org.id, boost.id).all<BoostMessageRow>()).results;
  if (thread.some((m) => m.kind === "decline" && m.team_id === teamId)) throw conflict("Your team already declined this request.");
  const at = now.toISOString();
  const messageId = randomToken(16);
  const [inserted] = await db.batch([
    insertBoostMessageStatement(db, {
      id: messageId,
      boost_id: boost.id,
      org_id: access.org.id,
      team_id: teamId,
      person_id: access.viewer.personId,
      kind: "decline",
      body: data.reason,
      created_at: at,
    }),
    ...(boost.to_team_id ? [declineBoostStatement(db, access.org.id, boost.id, at)] : []),
  ]);
  if (inserted.meta.changes !== 1) throw conflict("Another team accepted this request first.");
  const team = (await findTeam(db, access.org.id, teamId))?.name ?? "";
  await emitBoostEvent(db, access, "boost.declined", boost.to_team_id ? { ...boost, state: "declined" } : boost, now, {
    declinedBy: { id: teamId, name: team },
    reason: data.reason,
  });
  return {
    id: boost.id,
    outboxIds: await notifyBoostStep(
      db,
      access,
      boost,
      [boost.from_team_id],
      { kind: "declined", teamId, team, reason: data.reason },
      origin,
      now,
    ),
  };
}

/** A question or reply in the boost's thread, by the lead of either side; emails the other side. */
export async function postBoostMessage(
  db: D1Database,
  access: OrgAccess,
  boostId: string,
  input: unknown,
  origin: string,
  now: Date,
): Promise<BoostOutcome> {
  const { boost, teamId } = await actionable(
    db,
    access,
    boostId,
    "message",
    "Only the leads of the teams in this request can write in its thread.",
  );
  const data = parseInput(boostMessageSchema, input);
  const thread = (await messagesOfBoostStatement(db, access.org.id, boost.id).all<BoostMessageRow>()).results;
  if (thread.length >= MAX_BOOST_MESSAGES)
    throw conflict(`This thread has ${MAX_BOOST_MESSAGES} messages. Talk directly, then note the outcome here by resolving it.`);
  const messageId = randomToken(16);
  const inserted = await insertBoostMessageStatement(db, {
    id: messageId,
    boost_id: boost.id,
    org_id: access.org.id,
    team_id: teamId,
    person_id: access.viewer.personId,
    kind: "message",
    body: data.body,
    created_at: now.toISOString(),
  }).run();
  if (inserted.meta.changes !== 1) throw conflict("This request was closed meanwhile. Reload the page.");
  const teams = await listTeams(db, access.org.id);
  const to = messageRecipients(
    boostFacts(boost),
    teamId,
    thread.flatMap((m) => (m.team_id ? [m.team_id] : [])),
    teams.map((t) => t.id),
  );
  const team = teams.find((t) => t.id === teamId)?.name ?? "";
  return {
    id: boost.id,
    outboxIds: await notifyBoostStep(db, access, boost, to, { kind: "message", messageId, team, body: data.body }, origin, now),
  };
}

/** The requester marks the boost resolved: unblocked with help, or no longer needed. */
export async function resolveBoost(db: D1Database, access: OrgAccess, boostId: string, origin: string, now: Date): Promise<BoostOutcome> {
  const { boost } = await actionable(
    db,
    access,
    boostId,
    "resolve",
    "Only the lead of the team that asked can mark this request resolved.",
  );
  const result = await resolveBoostStatement(db, access.org.id, boost.id, now.toISOString()).run();
  if (result.meta.changes !== 1) throw conflict("This request changed meanwhile. Reload the page.");
  await emitBoostEvent(db, access, "boost.resolved", { ...boost, state: "resolved" }, now);
  return {
    id: boost.id,
    outboxIds: await notifyBoostStep(
      db,
      access,
      boost,
      resolveRecipients(boostFacts(boost)),
      { kind: "resolved", helped: boost.helper_team_id !== null },
      origin,
      now,
    ),
  };
}

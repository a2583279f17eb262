import { formatDay } from "../../src/domain/calendar";
import type { BoostListRow } from "../db/boosts";
import { orgChatChannelsStatement } from "../db/chat-channels";
import { listMembersStatement } from "../db/orgs";
import { listTeamsStatement } from "../db/teams";
import { batch } from "../db/typed";
import type { ChatMessage } from "../../src/domain/chat/messages";
import {
  boostNeededByText,
  boostRequestParts,
  buildBoostAcceptedEmail,
  buildBoostDeclinedEmail,
  buildBoostMessageEmail,
  buildBoostRequestEmail,
  buildBoostResolvedEmail,
  type BoostEmailContext,
} from "../email/boost-emails";
import type { BuiltEmail } from "../email/scorecard-report";
import type { OrgAccess } from "./access";
import { postOnce, type ChatFetch } from "./chat-channels";
import { enqueueEmails } from "./outbox";

/** One step of a boost that the other side hears about by email. */
export type BoostStep =
  | { kind: "created" }
  | { kind: "accepted"; helperTeam: string }
  | { kind: "declined"; teamId: string; team: string; reason: string }
  | { kind: "message"; messageId: string; team: string; body: string }
  | { kind: "resolved"; helped: boolean };

function stepKey(step: BoostStep): string {
  if (step.kind === "declined") return `declined:${step.teamId}`;
  if (step.kind === "message") return `message:${step.messageId}`;
  return step.kind;
}

function build(step: BoostStep, ctx: BoostEmailContext, by: string): BuiltEmail {
  switch (step.kind) {
    case "created":
      return buildBoostRequestEmail(ctx);
    case "accepted":
      return buildBoostAcceptedEmail(ctx, step.helperTeam, by);
    case "declined":
      return buildBoostDeclinedEmail(ctx, step.team, by, step.reason);
    case "message":
      return buildBoostMessageEmail(ctx, by, step.team, step.body);
    case "resolved":
      return buildBoostResolvedEmail(ctx, by, step.helped);
  }
}

/** "the objective “…”" or "the PPP problem “…”": what the boost says it unblocks. */
export function unblocksText(boost: Pick<BoostListRow, "objective_title" | "problem_text">): string {
  if (boost.problem_text) return `the PPP problem “${boost.problem_text}”`;
  if (boost.objective_title) return `the objective “${boost.objective_title}”`;
  return "";
}

/** The post of a boost request in an asked team's channel: what the request email says, without the lead's footer. */
export function boostRequestChatMessage(ctx: BoostEmailContext): ChatMessage {
  const parts = boostRequestParts(ctx);
  return {
    title: parts.heading,
    lines: [parts.intro, `What is needed: ${ctx.need}`, boostNeededByText(ctx)],
    link: { label: parts.button, url: ctx.url },
  };
}

/**
 * Emails the leads of `teamIds` (never the person acting) about a step of the boost, through
 * the outbox with one idempotency key per boost, step and recipient, so a retried request
 * never mails twice. Returns the outbox ids for deliverSoon.
 *
 * A new request asked of a team with a chat channel is posted there instead of emailed to its
 * leads, once per boost and channel; when the post fails, the leads get the email.
 */
export async function notifyBoostStep(
  db: D1Database,
  access: OrgAccess,
  boost: BoostListRow,
  teamIds: readonly string[],
  step: BoostStep,
  origin: string,
  now: Date,
  send: ChatFetch = (url, init) => fetch(url, init),
): Promise<number[]> {
  if (teamIds.length === 0) return [];
  const [members, teams, channels] = await batch(db, [
    listMembersStatement(db, access.org.id),
    listTeamsStatement(db, access.org.id),
    orgChatChannelsStatement(db, access.org.id),
  ]);
  const teamName = new Map(teams.results.map((t) => [t.id, t.name]));
  const context = (recipientTeam: string): BoostEmailContext => ({
    orgName: access.org.name,
    url: `${origin}/o/${access.org.slug}/boosts/${boost.id}`,
    fromTeam: boost.from_team_name,
    toTeam: boost.to_team_name,
    need: boost.need,
    neededBy: formatDay(boost.needed_by, true),
    unblocks: unblocksText(boost),
    recipientTeam,
  });
  const posted = new Set<string>();
  if (step.kind === "created") {
    const asked = channels.results.filter((c) => c.team_id !== null && teamIds.includes(c.team_id));
    const outcomes = await Promise.all(
      asked.map((c) =>
        postOnce(db, send, c, `boost_created:${boost.id}`, boostRequestChatMessage(context(c.team_name ?? "your team")), now),
      ),
    );
    asked.forEach((c, i) => {
      if (outcomes[i] !== "failed" && c.team_id) posted.add(c.team_id);
    });
  }
  const recipients = members.results.filter(
    (m) =>
      m.role === "lead" && m.team_id && teamIds.includes(m.team_id) && !posted.has(m.team_id) && m.person_id !== access.viewer.personId,
  );
  const messages = recipients.map((lead) => {
    const email = build(step, context(teamName.get(lead.team_id ?? "") ?? "your team"), access.viewer.name);
    return { idempotencyKey: `boost:${boost.id}:${stepKey(step)}:${lead.person_id}`, kind: `boost_${step.kind}`, to: lead.email, ...email };
  });
  return enqueueEmails(db, messages, now);
}

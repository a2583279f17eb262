import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import type { SlackPayload, TeamsPayload } from "../../src/domain/chat/messages";
import { notifyBoostStep } from "./boost-notify";
import { acceptBoost, createBoost, loadBoost } from "./boosts";
import { connectOrgChannel, connectTeamChannel } from "./chat-channels";
import { chatReceiver } from "../../tests/support/chat-receiver";

const ORIGIN = "https://mistvine.test";
const T0 = new Date("2026-11-16T09:00:00Z");
const SLACK = "https://hooks.slack.com/services/T000/B000/boosts";
const TEAMS = "https://prod-1.westus.logic.azure.com/workflows/boosts/triggers/manual/paths/invoke";

const receiver = chatReceiver;

const ask = (o: TestOrg, to: string, need = "Two days of a platform engineer to set up staging") => ({
  toTeamId: to,
  need,
  neededBy: "2026-11-27",
  objectiveId: o.teamObjectiveIds[0],
});

async function mailsTo(boostId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT to_address FROM outbox WHERE idempotency_key LIKE ?1 ORDER BY to_address")
    .bind(`boost:${boostId}:%`)
    .all<{ to_address: string }>();
  return results.map((r) => r.to_address);
}

let o: TestOrg;
beforeEach(async () => {
  o = await createTestOrg(env.DB, { teams: 3, now: T0 });
});

describe("a boost asked of a team with a chat channel", () => {
  it("is posted to the asked team's channel in Block Kit, with what the request email carries, instead of emailing its lead", async () => {
    await connectTeamChannel(env.DB, o.leads[1], o.teamIds[1], { kind: "slack", url: SLACK }, T0);
    const { send, received } = receiver();
    const boost = await createBoost(env.DB, o.leads[0], ask(o, o.teamIds[1]), ORIGIN, T0, send);
    expect(received.map((r) => r.url)).toEqual([SLACK]);
    const body = received[0].body as SlackPayload;
    const url = `${ORIGIN}/o/${o.admin.org.slug}/boosts/${boost.id}`;
    expect(body).toEqual({
      text: `Team 1 asks your team for help: ${url}`,
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: [
              "*Team 1 asks your team for help*",
              "Team 1 asked Team 2 for a boost. Accept it, decline it with a reason, or ask a question first.",
              "What is needed: Two days of a platform engineer to set up staging",
              "Needed by 27 Nov 2026. It unblocks the objective “Objective of team 1”.",
            ].join("\n"),
          },
        },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open the request" }, url }] },
      ],
    });
    expect(boost.outboxIds).toEqual([]);
    expect(await mailsTo(boost.id)).toEqual([]);
  });

  it("asks every team: each team with a channel gets one post (Teams as an Adaptive Card), the others' leads get the email", async () => {
    await connectTeamChannel(env.DB, o.admin, o.teamIds[1], { kind: "teams", url: TEAMS }, T0);
    // The org's channel gets the weekly summary, never a boost.
    await connectOrgChannel(env.DB, o.admin, { kind: "slack", url: SLACK }, T0);
    const { send, received } = receiver();
    const boost = await createBoost(env.DB, o.leads[0], ask(o, "any", "[Help](https://evil.example) **now**"), ORIGIN, T0, send);
    expect(received.map((r) => r.url)).toEqual([TEAMS]);
    const card = (received[0].body as TeamsPayload).attachments[0].content;
    expect(card.version).toBe("1.4");
    expect(card.body[0]).toMatchObject({ text: "Team 1 asks any team for help", weight: "Bolder" });
    // The need is user text: escaped, so it shows as typed and is no link.
    expect(card.body[2].text).toBe("What is needed: \\[Help\\](https://evil.example) \\*\\*now\\*\\*");
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "Open the request", url: `${ORIGIN}/o/${o.admin.org.slug}/boosts/${boost.id}` },
    ]);
    expect(await mailsTo(boost.id)).toEqual([o.leads[2].viewer.email]);
  });

  it("falls back to the email when the post fails, keeps the reason, and a retried request posts nothing more", async () => {
    await connectTeamChannel(env.DB, o.leads[1], o.teamIds[1], { kind: "slack", url: SLACK }, T0);
    const { send, received } = receiver([500]);
    const input = { ...ask(o, o.teamIds[1]), submissionId: "boost-submission-0001" };
    const boost = await createBoost(env.DB, o.leads[0], input, ORIGIN, T0, send);
    expect(received).toHaveLength(1);
    expect(await mailsTo(boost.id)).toEqual([o.leads[1].viewer.email]);
    const again = await createBoost(env.DB, o.leads[0], input, ORIGIN, T0, send);
    expect(again.id).toBe(boost.id);
    expect(received).toHaveLength(1);
    expect(await mailsTo(boost.id)).toEqual([o.leads[1].viewer.email]);
    const error = await env.DB.prepare("SELECT last_error FROM chat_channels WHERE team_id = ?1")
      .bind(o.teamIds[1])
      .first<string>("last_error");
    expect(error).toBe("The channel answered 500.");
  });

  it("posts once per boost and channel: notifying the same step again sends nothing", async () => {
    await connectTeamChannel(env.DB, o.leads[1], o.teamIds[1], { kind: "slack", url: SLACK }, T0);
    const { send, received } = receiver();
    const boost = await createBoost(env.DB, o.leads[0], ask(o, o.teamIds[1]), ORIGIN, T0, send);
    const row = await loadBoost(env.DB, o.leads[0], boost.id);
    expect(await notifyBoostStep(env.DB, o.leads[0], row, [o.teamIds[1]], { kind: "created" }, ORIGIN, T0, send)).toEqual([]);
    expect(received).toHaveLength(1);
    expect(await mailsTo(boost.id)).toEqual([]);
  });

  it("keeps the other steps email: the asking team's lead hears of an accept by email, even with a channel", async () => {
    await connectTeamChannel(env.DB, o.leads[0], o.teamIds[0], { kind: "slack", url: SLACK }, T0);
    const { send, received } = receiver();
    const boost = await createBoost(env.DB, o.leads[0], ask(o, o.teamIds[1]), ORIGIN, T0, send);
    await acceptBoost(env.DB, o.leads[1], boost.id, ORIGIN, T0);
    expect(received).toEqual([]);
    expect(await mailsTo(boost.id)).toEqual([o.leads[0].viewer.email, o.leads[1].viewer.email].sort());
  });
});

import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import { AppError } from "./errors";
import {
  connectOrgChannel,
  connectTeamChannel,
  getChatSettings,
  getTeamChannel,
  removeOrgChannel,
  listChatChannels,
  postOnce,
  removeTeamChannel,
  sendTestMessage,
  type ChatFetch,
} from "./chat-channels";
import { chatReceiver } from "../../tests/support/chat-receiver";

const NOW = new Date("2026-11-20T10:00:00Z");
const SLACK = "https://hooks.slack.com/services/T000/B000/secretpart";
const TEAMS = "https://prod-1.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s";
const MESSAGE = {
  title: "How is Team 1 doing this week?",
  lines: ["<!channel> & co"],
  link: { label: "Rate this week", url: "https://mistvine.example/p/t" },
};

const receiver = chatReceiver;

const channelRow = async (teamId: string) =>
  (await env.DB.prepare("SELECT id, kind, url FROM chat_channels WHERE team_id = ?1")
    .bind(teamId)
    .first<{ id: string; kind: "slack" | "teams"; url: string }>())!;

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
}

let o: TestOrg;
beforeEach(async () => {
  o = await createTestOrg(env.DB, { teams: 2, now: NOW });
});

describe("connecting a team's channel", () => {
  it("lets the team's lead connect Slack and an admin replace it with Teams; the list shows hosts, never URLs", async () => {
    expect((await connectTeamChannel(env.DB, o.leads[0], o.teamIds[0], { kind: "slack", url: SLACK }, NOW)).host).toBe("hooks.slack.com");
    await connectTeamChannel(env.DB, o.admin, o.teamIds[0], { kind: "teams", url: TEAMS }, NOW);
    const list = await listChatChannels(env.DB, o.admin);
    expect(list).toEqual([
      {
        teamId: o.teamIds[0],
        teamName: "Team 1",
        kind: "teams",
        host: "prod-1.westus.logic.azure.com",
        lastPostedAt: null,
        lastError: null,
        lastErrorAt: null,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain("sig=s");
  });

  it("refuses a URL of another host with 400 and the reason on the url field", async () => {
    const error = await connectTeamChannel(
      env.DB,
      o.admin,
      o.teamIds[0],
      { kind: "slack", url: "https://evil.example/services/x" },
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect(JSON.stringify((error as AppError).details)).toContain("https://hooks.slack.com/");
  });

  it("refuses another team's lead (403) and a team of another org (404)", async () => {
    expect(await status(connectTeamChannel(env.DB, o.leads[1], o.teamIds[0], { kind: "slack", url: SLACK }, NOW))).toBe(403);
    const other = await createTestOrg(env.DB, { teams: 1, now: NOW });
    expect(await status(connectTeamChannel(env.DB, o.admin, other.teamIds[0], { kind: "slack", url: SLACK }, NOW))).toBe(404);
    expect(await listChatChannels(env.DB, other.admin)).toEqual([]);
  });

  it("removes a channel; removing it again is 404; the list is for admins only", async () => {
    await connectTeamChannel(env.DB, o.admin, o.teamIds[1], { kind: "slack", url: SLACK }, NOW);
    await removeTeamChannel(env.DB, o.leads[1], o.teamIds[1]);
    expect(await status(removeTeamChannel(env.DB, o.leads[1], o.teamIds[1]))).toBe(404);
    expect(await status(listChatChannels(env.DB, o.leads[0]))).toBe(403);
  });
});

describe("posting once", () => {
  it("posts the Block Kit body once per key, without following redirects", async () => {
    await connectTeamChannel(env.DB, o.admin, o.teamIds[0], { kind: "slack", url: SLACK }, NOW);
    const { send, received } = receiver();
    expect(await postOnce(env.DB, send, await channelRow(o.teamIds[0]), "pulse:w1", MESSAGE, NOW)).toBe("posted");
    expect(await postOnce(env.DB, send, await channelRow(o.teamIds[0]), "pulse:w1", MESSAGE, NOW)).toBe("already");
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      url: SLACK,
      redirect: "manual",
      body: {
        text: expect.any(String),
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: "*How is Team 1 doing this week?*\n&lt;!channel&gt; &amp; co" } },
          { type: "actions" },
        ],
      },
    });
  });

  it("records a failed post's reason for the settings page and reports it, so the caller sends the email", async () => {
    await connectTeamChannel(env.DB, o.admin, o.teamIds[0], { kind: "teams", url: TEAMS }, NOW);
    const { send, received } = receiver([500]);
    expect(await postOnce(env.DB, send, await channelRow(o.teamIds[0]), "pulse:w1", MESSAGE, NOW)).toBe("failed");
    expect((received[0].body as { attachments: { contentType: string }[] }).attachments[0].contentType).toBe(
      "application/vnd.microsoft.card.adaptive",
    );
    expect(await postOnce(env.DB, send, await channelRow(o.teamIds[0]), "pulse:w1", MESSAGE, NOW)).toBe("failed");
    expect(received).toHaveLength(1);
    expect((await listChatChannels(env.DB, o.admin))[0]).toMatchObject({
      lastError: "The channel answered 500.",
      lastErrorAt: NOW.toISOString(),
    });
    const unreachable: ChatFetch = async () => {
      throw new TypeError("network");
    };
    expect(await postOnce(env.DB, unreachable, await channelRow(o.teamIds[0]), "pulse:w2", MESSAGE, NOW)).toBe("failed");
    expect((await listChatChannels(env.DB, o.admin))[0].lastError).toBe("The channel could not be reached.");
    expect(await postOnce(env.DB, receiver().send, await channelRow(o.teamIds[0]), "pulse:w3", MESSAGE, NOW)).toBe("posted");
    expect((await listChatChannels(env.DB, o.admin))[0]).toMatchObject({ lastError: null, lastPostedAt: NOW.toISOString() });
  });
});

describe("the test message", () => {
  it("posts to the team's channel and records success, or the reason it failed", async () => {
    await connectTeamChannel(env.DB, o.admin, o.teamIds[1], { kind: "slack", url: SLACK }, NOW);
    const { send, received } = receiver([404]);
    expect(await sendTestMessage(env.DB, o.leads[1], send, o.teamIds[1], "https://mistvine.example", NOW)).toBe(
      "The channel answered 404.",
    );
    expect((await getChatSettings(env.DB, o.admin)).channels[0]).toMatchObject({
      teamName: "Team 2",
      lastError: "The channel answered 404.",
    });
    expect(await sendTestMessage(env.DB, o.admin, send, o.teamIds[1], "https://mistvine.example", NOW)).toBeNull();
    expect((await getChatSettings(env.DB, o.admin)).channels[0]).toMatchObject({ lastError: null, lastPostedAt: NOW.toISOString() });
    expect(received).toHaveLength(2);
    expect(JSON.stringify(received[0].body)).toContain("https://mistvine.example/o/");
  });

  it("is 404 without a channel and 403 for another team's lead", async () => {
    expect(await status(sendTestMessage(env.DB, o.admin, receiver().send, o.teamIds[0], "https://m.example", NOW))).toBe(404);
    await connectTeamChannel(env.DB, o.admin, o.teamIds[0], { kind: "slack", url: SLACK }, NOW);
    expect(await status(sendTestMessage(env.DB, o.leads[1], receiver().send, o.teamIds[0], "https://m.example", NOW))).toBe(403);
  });

  it("lists the org's teams for the form", async () => {
    expect((await getChatSettings(env.DB, o.admin)).teams.map((t) => t.name)).toEqual(["Team 1", "Team 2"]);
  });
});

describe("the org's channel", () => {
  it("is connected, replaced and removed by admins only, and listed first, without a team", async () => {
    expect(await status(connectOrgChannel(env.DB, o.leads[0], { kind: "slack", url: SLACK }, NOW))).toBe(403);
    await connectOrgChannel(env.DB, o.admin, { kind: "slack", url: SLACK }, NOW);
    await connectTeamChannel(env.DB, o.leads[0], o.teamIds[0], { kind: "slack", url: SLACK }, NOW);
    const replaced = await connectOrgChannel(env.DB, o.admin, { kind: "teams", url: TEAMS }, NOW);
    expect(replaced).toEqual({
      teamId: null,
      teamName: null,
      kind: "teams",
      host: "prod-1.westus.logic.azure.com",
      lastPostedAt: null,
      lastError: null,
      lastErrorAt: null,
    });
    expect((await listChatChannels(env.DB, o.admin)).map((c) => c.teamName)).toEqual([null, "Team 1"]);
    const settings = await getChatSettings(env.DB, o.admin);
    expect(settings.org?.kind).toBe("teams");
    expect(settings.channels.map((c) => c.teamId)).toEqual([o.teamIds[0]]);
    expect(await status(removeOrgChannel(env.DB, o.leads[0]))).toBe(403);
    await removeOrgChannel(env.DB, o.admin);
    expect(await status(removeOrgChannel(env.DB, o.admin))).toBe(404);
    // The team's channel is untouched.
    expect((await getTeamChannel(env.DB, o.leads[0], o.teamIds[0]))?.kind).toBe("slack");
  });

  it("refuses a wrong URL beside the field, and keeps one org channel per org", async () => {
    const error = (await connectOrgChannel(env.DB, o.admin, { kind: "teams", url: SLACK }, NOW).catch((e: unknown) => e)) as AppError;
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.details)).toContain(".logic.azure.com");
    await connectOrgChannel(env.DB, o.admin, { kind: "slack", url: SLACK }, NOW);
    await connectOrgChannel(env.DB, o.admin, { kind: "slack", url: `${SLACK}2` }, NOW);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM chat_channels WHERE org_id = ?1 AND team_id IS NULL")
      .bind(o.admin.org.id)
      .first<number>("n");
    expect(rows).toBe(1);
  });

  it("gets a test message naming the org, and records the outcome", async () => {
    await connectOrgChannel(env.DB, o.admin, { kind: "slack", url: SLACK }, NOW);
    const { send, received } = receiver([500, 200]);
    expect(await sendTestMessage(env.DB, o.admin, send, null, "https://mistvine.example", NOW)).toBe("The channel answered 500.");
    expect((await getChatSettings(env.DB, o.admin)).org?.lastError).toBe("The channel answered 500.");
    expect(await sendTestMessage(env.DB, o.admin, send, null, "https://mistvine.example", NOW)).toBeNull();
    expect((await getChatSettings(env.DB, o.admin)).org).toMatchObject({ lastError: null, lastPostedAt: NOW.toISOString() });
    expect(JSON.stringify(received[0].body)).toContain(`for ${o.admin.org.name}`);
    expect(JSON.stringify(received[0].body)).toContain("weekly report");
    expect(await status(sendTestMessage(env.DB, o.leads[0], send, null, "https://mistvine.example", NOW))).toBe(403);
  });
});

describe("claims per message and channel", () => {
  it("keeps each message's claim: posting a boost after the week's reminder does not let the reminder post again", async () => {
    await connectTeamChannel(env.DB, o.admin, o.teamIds[0], { kind: "slack", url: SLACK }, NOW);
    const { send, received } = receiver();
    const channel = await channelRow(o.teamIds[0]);
    expect(await postOnce(env.DB, send, channel, "pulse_reminder:2026-11-16", MESSAGE, NOW)).toBe("posted");
    expect(await postOnce(env.DB, send, channel, "boost_created:b1", MESSAGE, NOW)).toBe("posted");
    expect(await postOnce(env.DB, send, channel, "pulse_reminder:2026-11-16", MESSAGE, NOW)).toBe("already");
    expect(await postOnce(env.DB, send, channel, "boost_created:b1", MESSAGE, NOW)).toBe("already");
    expect(received).toHaveLength(2);
  });

  it("treats a claim whose run never finished as failed once it is 2 minutes old, so the email goes", async () => {
    await connectTeamChannel(env.DB, o.admin, o.teamIds[0], { kind: "slack", url: SLACK }, NOW);
    const channel = await channelRow(o.teamIds[0]);
    await env.DB.prepare("INSERT INTO chat_posts (channel_id, post_key, outcome, claimed_at) VALUES (?1, 'k', 'claimed', ?2)")
      .bind(channel.id, NOW.toISOString())
      .run();
    const { send, received } = receiver();
    expect(await postOnce(env.DB, send, channel, "k", MESSAGE, new Date(NOW.getTime() + 60_000))).toBe("already");
    expect(await postOnce(env.DB, send, channel, "k", MESSAGE, new Date(NOW.getTime() + 180_000))).toBe("failed");
    expect(received).toEqual([]);
  });

  it("keeps the claims when the URL is replaced, and forgets them with the channel", async () => {
    await connectTeamChannel(env.DB, o.admin, o.teamIds[0], { kind: "slack", url: SLACK }, NOW);
    const { send, received } = receiver();
    expect(await postOnce(env.DB, send, await channelRow(o.teamIds[0]), "pulse:w1", MESSAGE, NOW)).toBe("posted");
    await connectTeamChannel(env.DB, o.leads[0], o.teamIds[0], { kind: "teams", url: TEAMS }, NOW);
    expect(await postOnce(env.DB, send, await channelRow(o.teamIds[0]), "pulse:w1", MESSAGE, NOW)).toBe("already");
    expect(received).toHaveLength(1);
    const { id } = await channelRow(o.teamIds[0]);
    const claims = () => env.DB.prepare("SELECT COUNT(*) AS n FROM chat_posts WHERE channel_id = ?1").bind(id).first<number>("n");
    expect(await claims()).toBe(1);
    await removeTeamChannel(env.DB, o.admin, o.teamIds[0]);
    expect(await claims()).toBe(0);
  });
});

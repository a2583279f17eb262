import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import { pulseTokenFor } from "../../tests/support/pulse-fixtures";
import { connectTeamChannel } from "./chat-channels";
import { setPulseMode } from "./pulse-links";
import { enqueuePulseReminders } from "./pulse-reminders";
import { saveTeamAddresses } from "./team-addresses";
import { moveWaveTo } from "./waves";
import { chatReceiver } from "../../tests/support/chat-receiver";

const WED = new Date("2026-11-11T12:00:00Z"); // week of 2026-11-09, wave from 2026-11-02
const WEEK = "2026-11-09";
const ORIGIN = "https://mistvine.test";
const SLACK = "https://hooks.slack.com/services/T000/B000/secret";
const TEAMS = "https://prod-1.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke";
const ADDRESSES = ["ana@team.example", "bo@team.example"];

const receiver = chatReceiver;

let org: TestOrg;
const scheduledOrg = () => ({ ...org.admin.org, report_weekday: 1, report_hour: 9, pulse_weekday: 3 });
const emailsTo = async (teamId: string) =>
  (
    await env.DB.prepare(
      "SELECT to_address FROM outbox WHERE kind = 'pulse_reminder' AND substr(idempotency_key, 1, length(?1)) = ?1 ORDER BY to_address",
    )
      .bind(`pulse_reminder:${org.admin.org.id}:${teamId}:`)
      .all<{ to_address: string }>()
  ).results.map((r) => r.to_address);

beforeEach(async () => {
  org = await createTestOrg(env.DB, { teams: 2, activate: false });
  for (const teamId of org.teamIds)
    await saveTeamAddresses(env.DB, org.admin, teamId, { addresses: ADDRESSES.join("\n") }, new Date("2026-10-30T10:00:00Z"));
  await setPulseMode(env.DB, org.leads[1], org.teamIds[1], { mode: "personal" });
  await moveWaveTo(env.DB, org.admin, org.waveId, "active", new Date("2026-11-02T08:00:00Z"));
});

describe("the pulse reminder in a chat channel", () => {
  it("posts a shared-link team's reminder to its channel once, instead of the emails", async () => {
    const token = await pulseTokenFor(env.DB, org.leads[0], org.teamIds[0]);
    await connectTeamChannel(env.DB, org.leads[0], org.teamIds[0], { kind: "slack", url: SLACK }, WED);
    const { send, received } = receiver();
    await enqueuePulseReminders(env.DB, scheduledOrg(), WEEK, ORIGIN, WED, send);
    await enqueuePulseReminders(env.DB, scheduledOrg(), WEEK, ORIGIN, WED, send);
    expect(received).toHaveLength(1);
    const body = received[0].body as { blocks: [{ text: { text: string } }, { elements: [{ url: string }] }] };
    expect(body.blocks[0].text.text).toContain("*How is Team 1 doing this week?*");
    expect(body.blocks[0].text.text).toContain("Week of");
    expect(body.blocks[1].elements[0].url).toBe(`${ORIGIN}/p/${token}`);
    expect(await emailsTo(org.teamIds[0])).toEqual([]);
  });

  it("falls back to the emails when the post fails, and keeps the reason for the settings page", async () => {
    await pulseTokenFor(env.DB, org.leads[0], org.teamIds[0]);
    await connectTeamChannel(env.DB, org.admin, org.teamIds[0], { kind: "teams", url: TEAMS }, WED);
    const { send, received } = receiver([502]);
    await enqueuePulseReminders(env.DB, scheduledOrg(), WEEK, ORIGIN, WED, send);
    expect((received[0].body as { attachments: [{ content: { version: string } }] }).attachments[0].content.version).toBe("1.4");
    expect(await emailsTo(org.teamIds[0])).toEqual(ADDRESSES);
    // A second run posts nothing new and queues the same emails, not new ones.
    await enqueuePulseReminders(env.DB, scheduledOrg(), WEEK, ORIGIN, WED, send);
    expect(received).toHaveLength(1);
    expect(await emailsTo(org.teamIds[0])).toEqual(ADDRESSES);
    const row = await env.DB.prepare("SELECT last_error FROM chat_channels WHERE team_id = ?1")
      .bind(org.teamIds[0])
      .first<string>("last_error");
    expect(row).toBe("The channel answered 502.");
  });

  it("never posts a personal-links team's reminder: each address keeps its own email", async () => {
    await connectTeamChannel(env.DB, org.leads[1], org.teamIds[1], { kind: "slack", url: SLACK }, WED);
    const { send, received } = receiver();
    await enqueuePulseReminders(env.DB, scheduledOrg(), WEEK, ORIGIN, WED, send);
    expect(received).toEqual([]);
    expect(await emailsTo(org.teamIds[1])).toEqual(ADDRESSES);
  });
});

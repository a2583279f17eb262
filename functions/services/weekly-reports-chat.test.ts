import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, declareTeam, type TestOrg } from "../../tests/support/org-fixtures";
import { ballots, pulseTokenFor, voteAsTeam } from "../../tests/support/pulse-fixtures";
import type { SlackPayload, TeamsPayload } from "../../src/domain/chat/messages";
import { connectOrgChannel, connectTeamChannel, removeOrgChannel } from "./chat-channels";
import { enqueueWeeklyReports } from "./weekly-reports";
import { chatReceiver } from "../../tests/support/chat-receiver";

const ORIGIN = "https://mistvine.test";
const SLACK = "https://hooks.slack.com/services/T000/B000/leadership";
const TEAMS = "https://prod-1.westus.logic.azure.com/workflows/leadership/triggers/manual/paths/invoke";
const TEAM_SLACK = "https://hooks.slack.com/services/T000/B000/team";
// Tuesday: the week of 9 November is over everywhere and published.
const NOW = new Date("2026-11-17T09:00:00Z");

const receiver = chatReceiver;

let o: TestOrg;
const scheduled = () => ({ ...o.admin.org, report_weekday: 1, report_hour: 9, pulse_weekday: 4 });
const reports = async (kind: string, week: string) =>
  (
    await env.DB.prepare("SELECT to_address FROM outbox WHERE kind = ?1 AND idempotency_key LIKE ?2 ORDER BY to_address")
      .bind(kind, `${kind}:${o.admin.org.id}:%:${week}`)
      .all<{ to_address: string }>()
  ).results.map((r) => r.to_address);

beforeAll(async () => {
  const at = new Date("2026-11-10T09:00:00Z");
  o = await createTestOrg(env.DB, { teams: 3, timeZone: "Europe/Berlin", now: at });
  // Team 2 has three voters, fewer than k = 5: hidden, and Team 3 (6) with it so the org row
  // cannot give it away; Team 1 (8) shows.
  await declareTeam(env.DB, o.teamIds[0], { name: "Team 1", declaredSize: 9 });
  await declareTeam(env.DB, o.teamIds[1], { name: "Team 2", declaredSize: 3 });
  const votedOn = new Date("2026-11-11T10:00:00Z");
  await voteAsTeam(env.DB, await pulseTokenFor(env.DB, o.admin, o.teamIds[1]), ballots(3, [o.teamObjectiveIds[1]], 1), votedOn);
  await voteAsTeam(env.DB, await pulseTokenFor(env.DB, o.admin, o.teamIds[2]), ballots(6, [o.teamObjectiveIds[2]], 2), votedOn);
  await voteAsTeam(env.DB, await pulseTokenFor(env.DB, o.admin, o.teamIds[0]), ballots(8, [o.teamObjectiveIds[0]], 4), votedOn);
  await connectTeamChannel(env.DB, o.leads[0], o.teamIds[0], { kind: "slack", url: TEAM_SLACK }, at);
});

describe("the weekly report's summary in the org's chat channel", () => {
  it("is posted once, with published figures only and the link to the board, instead of the admins' emails", async () => {
    await connectOrgChannel(env.DB, o.admin, { kind: "slack", url: SLACK }, NOW);
    const { send, received } = receiver();
    await enqueueWeeklyReports(env.DB, scheduled(), "2026-11-16", ORIGIN, NOW, send);
    await enqueueWeeklyReports(env.DB, scheduled(), "2026-11-16", ORIGIN, NOW, send);
    // The org's channel only: a team's channel never gets the report.
    expect(received.map((r) => r.url)).toEqual([SLACK]);
    const body = received[0].body as SlackPayload;
    const section = body.blocks[0];
    if (section.type !== "section") throw new Error("expected a section");
    const text = section.text.text;
    expect(text.startsWith(`*Weekly report · ${o.admin.org.name}:`)).toBe(true);
    expect(text).toContain("Where to offer help this week:");
    expect(text).toContain("Org objectives:");
    expect(text).toContain("Confidence, team by team (weeks of");
    expect(text).toMatch(/• Team 1: [^\n]*4\.0/);
    // Suppressed cells stay suppressed: no number for Team 2 (3 voters), nor for Team 3 (hidden with it).
    const row = (label: string) => text.split("\n").find((l) => l.startsWith(`• ${label}:`)) ?? "";
    for (const label of ["Team 2", "Team 3"]) {
      expect(row(label)).toContain("fewer than 5");
      expect(row(label)).not.toMatch(/\d\.\d/);
    }
    // The org row is published as on the board: the hidden teams' 9 people together reach k.
    expect(row("All teams")).toMatch(/2\.8$/);
    expect(text).toContain("Cells with fewer than 5 people stay hidden.");
    // Nothing personal: the admin's own Action Center items stay in the email.
    expect(text).not.toContain("Waiting for you");
    expect(body.blocks[1]).toEqual({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "Open the board" }, url: `${ORIGIN}/o/${o.admin.org.slug}` }],
    });
    expect(await reports("org_report", "2026-11-16")).toEqual([]);
    // Leads still get their team reports.
    expect(await reports("team_report", "2026-11-16")).toEqual(o.leads.map((l) => l.viewer.email).sort());
  });

  it("falls back to the admins' email when the post fails, and a second run posts nothing more", async () => {
    await connectOrgChannel(env.DB, o.admin, { kind: "teams", url: TEAMS }, NOW);
    const { send, received } = receiver([503]);
    await enqueueWeeklyReports(env.DB, scheduled(), "2026-11-23", ORIGIN, NOW, send);
    expect(received).toHaveLength(1);
    const card = (received[0].body as TeamsPayload).attachments[0].content;
    expect(card.version).toBe("1.4");
    expect(card.actions[0]).toEqual({ type: "Action.OpenUrl", title: "Open the board", url: `${ORIGIN}/o/${o.admin.org.slug}` });
    expect(await reports("org_report", "2026-11-23")).toEqual([o.admin.viewer.email]);
    await enqueueWeeklyReports(env.DB, scheduled(), "2026-11-23", ORIGIN, NOW, send);
    expect(received).toHaveLength(1);
    expect(await reports("org_report", "2026-11-23")).toEqual([o.admin.viewer.email]);
    const error = await env.DB.prepare("SELECT last_error FROM chat_channels WHERE org_id = ?1 AND team_id IS NULL")
      .bind(o.admin.org.id)
      .first<string>("last_error");
    expect(error).toBe("The channel answered 503.");
  });

  it("without an org channel, the admins get the email and nothing is posted", async () => {
    await removeOrgChannel(env.DB, o.admin);
    const { send, received } = receiver();
    await enqueueWeeklyReports(env.DB, scheduled(), "2026-11-30", ORIGIN, NOW, send);
    expect(received).toEqual([]);
    expect(await reports("org_report", "2026-11-30")).toEqual([o.admin.viewer.email]);
  });
});

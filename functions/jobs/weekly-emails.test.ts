import { env } from "cloudflare:workers";
import PostalMime from "postal-mime";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, declareTeam, type TestOrg } from "../../tests/support/org-fixtures";
import { ballots, pulseTokenFor, voteAsTeam } from "../../tests/support/pulse-fixtures";
import { createBoost } from "../services/boosts";
import { outboxMessageSource } from "../services/outbox";
import { saveReportSchedule } from "../services/report-settings";
import { unsubscribe } from "../services/subscriptions";
import { saveTeamAddresses } from "../services/team-addresses";
import type { OutboxRow } from "../db/outbox";
import { runScheduledJobs } from "./index";
import { runWeeklyEmails } from "./weekly-emails";

/**
 * The weekly emails, driven the way the cron drives them: at chosen instants, for orgs in
 * three time zones. Berlin: reports Monday 09:00. Los Angeles: reports Monday 09:00. Tokyo:
 * reports Tuesday 08:00, pulse reminder Monday (its voting day) at 08:00.
 */
let berlin: TestOrg;
let la: TestOrg;
let tokyo: TestOrg;

async function enqueued(orgs: TestOrg[]): Promise<string[]> {
  const emails = orgs.flatMap((o) => [
    o.admin.viewer.email,
    ...o.leads.map((l) => l.viewer.email),
    ...[0, 1].map((i) => `member${i}@${o.admin.org.slug}.example`),
  ]);
  const { results } = await env.DB.prepare(
    `SELECT kind, to_address FROM outbox WHERE kind IN ('org_report', 'team_report', 'pulse_reminder') AND to_address IN (${emails.map((_, i) => `?${i + 1}`).join(", ")}) ORDER BY kind, to_address`,
  )
    .bind(...emails)
    .all<{ kind: string; to_address: string }>();
  return results.map((r) => `${r.kind} ${r.to_address}`);
}

async function message(kind: string, to: string): Promise<OutboxRow> {
  const row = await env.DB.prepare("SELECT * FROM outbox WHERE kind = ?1 AND to_address = ?2 ORDER BY id DESC LIMIT 1")
    .bind(kind, to)
    .first<OutboxRow>();
  if (!row) throw new Error(`no ${kind} to ${to}`);
  return row;
}

beforeAll(async () => {
  const at = new Date("2026-11-10T09:00:00Z");
  berlin = await createTestOrg(env.DB, { teams: 3, timeZone: "Europe/Berlin", now: at });
  la = await createTestOrg(env.DB, { teams: 1, timeZone: "America/Los_Angeles", now: at });
  tokyo = await createTestOrg(env.DB, { teams: 1, timeZone: "Asia/Tokyo", now: at });
  await saveReportSchedule(env.DB, berlin.admin, { reportWeekday: 1, reportHour: 9, pulseWeekday: 4 });
  await saveReportSchedule(env.DB, la.admin, { reportWeekday: 1, reportHour: 9, pulseWeekday: 4 });
  await saveReportSchedule(env.DB, tokyo.admin, { reportWeekday: 2, reportHour: 8, pulseWeekday: 1 });
  for (const o of [berlin, la, tokyo]) {
    await pulseTokenFor(env.DB, o.admin, o.teamIds[0]);
    await saveTeamAddresses(
      env.DB,
      o.admin,
      o.teamIds[0],
      { addresses: `member0@${o.admin.org.slug}.example\nmember1@${o.admin.org.slug}.example` },
      at,
    );
  }
  // Berlin's Team 2 has three voters: a suppressed cell in the reports. Team 3 (6) is hidden
  // with it so the all-teams row cannot give it away; Team 1 (8) shows.
  await declareTeam(env.DB, berlin.teamIds[0], { name: "Team 1", declaredSize: 9 });
  await declareTeam(env.DB, berlin.teamIds[1], { name: "Team 2", declaredSize: 3 });
  const votedOn = new Date("2026-11-11T10:00:00Z");
  await voteAsTeam(
    env.DB,
    await pulseTokenFor(env.DB, berlin.admin, berlin.teamIds[1]),
    ballots(3, [berlin.teamObjectiveIds[1]], 1),
    votedOn,
  );
  await voteAsTeam(
    env.DB,
    await pulseTokenFor(env.DB, berlin.admin, berlin.teamIds[2]),
    ballots(6, [berlin.teamObjectiveIds[2]], 2),
    votedOn,
  );
  const big = (await env.DB.prepare("SELECT token FROM pulse_links WHERE team_id = ?1 AND revoked_at IS NULL")
    .bind(berlin.teamIds[0])
    .first<{ token: string }>())!.token;
  await voteAsTeam(env.DB, big, ballots(8, [berlin.teamObjectiveIds[0]], 4), votedOn);
  // Team 1 asked Team 2 for help five days before the report.
  await createBoost(
    env.DB,
    berlin.leads[0],
    { toTeamId: berlin.teamIds[1], need: "Review the retry logic", neededBy: "2026-11-27", objectiveId: berlin.teamObjectiveIds[0] },
    "https://mistvine.test",
    new Date("2026-11-11T10:00:00Z"),
  );
});

describe("the hourly job in several time zones", () => {
  it("enqueues exactly what is due where it is due, and nothing twice", async () => {
    // Monday 2026-11-16 08:00 UTC: 09:00 in Berlin (reports), 00:00 in Los Angeles (nothing
    // yet), 17:00 in Tokyo (voting day, pulse reminders; its reports are on Tuesday).
    const monday = new Date("2026-11-16T08:00:00Z");
    await runWeeklyEmails(env, monday);
    const b = berlin.admin.org.slug;
    const t = tokyo.admin.org.slug;
    expect(await enqueued([berlin, la, tokyo])).toEqual(
      [
        `org_report ${berlin.admin.viewer.email}`,
        `pulse_reminder member0@${t}.example`,
        `pulse_reminder member1@${t}.example`,
        `team_report ${berlin.leads[0].viewer.email}`,
        `team_report ${berlin.leads[1].viewer.email}`,
        `team_report ${berlin.leads[2].viewer.email}`,
      ].sort(),
    );
    expect(b).toBeTruthy();

    // The same hour again, and an overlapping run: nothing new.
    await Promise.all([runWeeklyEmails(env, monday), runWeeklyEmails(env, new Date("2026-11-16T08:30:00Z"))]);
    expect(await enqueued([berlin, la, tokyo])).toHaveLength(6);

    // 17:00 UTC: 09:00 in Los Angeles. Berlin is still due but already done.
    await runWeeklyEmails(env, new Date("2026-11-16T17:00:00Z"));
    expect((await enqueued([la])).sort()).toEqual(
      [`org_report ${la.admin.viewer.email}`, `team_report ${la.leads[0].viewer.email}`].sort(),
    );
    expect(await enqueued([berlin, la, tokyo])).toHaveLength(8);

    // Tuesday 08:00 in Tokyo (Monday 23:00 UTC): its reports.
    await runWeeklyEmails(env, new Date("2026-11-16T23:00:00Z"));
    expect((await enqueued([tokyo])).filter((e) => !e.startsWith("pulse_reminder")).sort()).toEqual(
      [`org_report ${tokyo.admin.viewer.email}`, `team_report ${tokyo.leads[0].viewer.email}`].sort(),
    );
  });

  it("sends each message once when the whole cron runs twice", async () => {
    await runScheduledJobs(env, new Date("2026-11-16T08:05:00Z"));
    await runScheduledJobs(env, new Date("2026-11-16T08:06:00Z"));
    const row = await message("org_report", berlin.admin.viewer.email);
    expect([row.status, row.attempts]).toEqual(["sent", 1]);
  });
});

describe("each message, read with a real MIME parser", () => {
  it("the org report: name in the subject, text and HTML parts, one-click unsubscribe, working links", async () => {
    const row = await message("org_report", berlin.admin.viewer.email);
    const mail = await PostalMime.parse(outboxMessageSource(row, env.MAIL_FROM));
    expect(mail.subject).toContain(berlin.admin.org.name);
    expect(mail.text).toContain("WHERE TO OFFER HELP THIS WEEK");
    expect(mail.html).toContain("Where to offer help this week");
    expect(mail.html).not.toMatch(/<script|@font-face|<link/i);
    const headers = Object.fromEntries(mail.headers.map((h) => [h.key, h.value]));
    const unsubscribeUrl = /^<(.+)>$/.exec(headers["list-unsubscribe"] ?? "")?.[1] ?? "";
    expect(unsubscribeUrl).toMatch(new RegExp(`^${env.PUBLIC_URL}/u/[A-Za-z0-9_-]{22}$`));
    expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.html).toContain(`href="${unsubscribeUrl}"`);
    expect(mail.text).toContain(unsubscribeUrl);
    expect(mail.html).toContain(`href="${env.PUBLIC_URL}/o/${berlin.admin.org.slug}"`);
    // PPP posted/missing, open boosts with their age, and the help line pointing at the boost.
    expect(mail.text).toContain("Posted: nobody yet. Missing: Team 1, Team 2, Team 3.");
    expect(mail.text).toContain("- Team 1 → Team 2: Review the retry logic (open 5 days)");
    expect(mail.text).toContain("WHERE TO OFFER HELP THIS WEEK: Team 1 asked Team 2 for help (“Review the retry logic”) 5 days ago");
  });

  it("the team report lists the boosts the team asked for and those asked of it", async () => {
    const asker = await PostalMime.parse(outboxMessageSource(await message("team_report", berlin.leads[0].viewer.email), env.MAIL_FROM));
    expect(asker.text).toContain("BOOSTS YOU ASKED FOR\n- Team 1 → Team 2: Review the retry logic (open 5 days)");
    const helper = await PostalMime.parse(outboxMessageSource(await message("team_report", berlin.leads[1].viewer.email), env.MAIL_FROM));
    expect(helper.text).toContain("BOOSTS ASKED OF YOU\n- Team 1 → Team 2: Review the retry logic (open 5 days)");
    expect(helper.subject).toContain(berlin.admin.org.name);
  });

  it("a suppressed cell shows no number in either part", async () => {
    // The votes of the week of 9 November publish once that week is over everywhere (Monday
    // 16 November, 12:00 UTC), after that Monday's 09:00 Berlin reports: the next week's carry them.
    await runWeeklyEmails(env, new Date("2026-11-23T08:00:00Z"));
    for (const to of [berlin.admin.viewer.email, berlin.leads[1].viewer.email]) {
      const row = await message(to === berlin.admin.viewer.email ? "org_report" : "team_report", to);
      const mail = await PostalMime.parse(outboxMessageSource(row, env.MAIL_FROM));
      const htmlRow = /<tr><td[^>]*>(Team 2|Objective of team 2)<\/td>(.*?)<\/tr>/s.exec(mail.html ?? "")?.[2] ?? "";
      expect(htmlRow).not.toBe("");
      expect(htmlRow).toContain("fewer than 5");
      expect(htmlRow).not.toMatch(/\d\.\d/);
      const textRow = (mail.text ?? "").split("\n").find((l) => /^(Team 2|Objective of team 2)\s{2,}/.test(l)) ?? "";
      expect(textRow).toContain("fewer than 5");
      expect(textRow).not.toMatch(/\d\.\d/);
    }
    // The team with five voters shows its number, so the check above is not vacuous.
    const admin = await PostalMime.parse(outboxMessageSource(await message("org_report", berlin.admin.viewer.email), env.MAIL_FROM));
    expect(admin.text).toMatch(/Team 1\s+no votes\s+4\.0/);
  });

  it("the pulse reminder carries the team's pulse link and says everyone on the list gets it", async () => {
    const row = await message("pulse_reminder", `member0@${tokyo.admin.org.slug}.example`);
    const mail = await PostalMime.parse(outboxMessageSource(row, env.MAIL_FROM));
    expect(mail.subject).toBe(`Team 1: this week's pulse · ${tokyo.admin.org.name}`);
    const token = (await env.DB.prepare("SELECT token FROM pulse_links WHERE team_id = ?1 AND revoked_at IS NULL")
      .bind(tokyo.teamIds[0])
      .first<{ token: string }>())!.token;
    expect(mail.text).toContain(`${env.PUBLIC_URL}/p/${token}`);
    expect(mail.text).toContain("whether they voted or not");
  });
});

describe("unsubscribing", () => {
  it("takes effect immediately: a queued message is withdrawn and the next week sends nothing", async () => {
    const to = `member1@${tokyo.admin.org.slug}.example`;
    await env.DB.prepare("UPDATE outbox SET status = 'queued' WHERE to_address = ?1").bind(to).run();
    const token = /\/u\/([A-Za-z0-9_-]{22})/.exec((await message("pulse_reminder", to)).text)![1];
    await unsubscribe(env.DB, token, new Date("2026-11-16T10:00:00Z"));
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox WHERE to_address = ?1").bind(to).first("n")).toBe(0);
    await runWeeklyEmails(env, new Date("2026-11-23T08:00:00Z"));
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox WHERE to_address = ?1").bind(to).first("n")).toBe(0);
    expect(
      await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox WHERE to_address = ?1 AND kind = 'pulse_reminder'")
        .bind(`member0@${tokyo.admin.org.slug}.example`)
        .first("n"),
    ).toBe(2);
  });
});

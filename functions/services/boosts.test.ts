import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import { getBoostPage, getBoostsOverview, getTeamBoosts } from "./boost-views";
import { acceptBoost, createBoost, declineBoost, postBoostMessage, resolveBoost } from "./boosts";
import { AppError } from "./errors";
import { savePpp } from "./ppp-save";

const ORIGIN = "https://mistvine.test";
const at = (iso: string) => new Date(iso);
const T0 = at("2026-11-16T09:00:00Z");

async function mails(boostId: string) {
  const { results } = await env.DB.prepare(
    "SELECT to_address, subject, kind, html, text FROM outbox WHERE idempotency_key LIKE ?1 ORDER BY id",
  )
    .bind(`boost:${boostId}:%`)
    .all<{ to_address: string; subject: string; kind: string; html: string; text: string }>();
  return results;
}

async function boostRows(org: TestOrg): Promise<string> {
  const [boosts, messages] = await Promise.all([
    env.DB.prepare("SELECT * FROM boosts WHERE org_id = ?1 ORDER BY id").bind(org.admin.org.id).all(),
    env.DB.prepare("SELECT * FROM boost_messages WHERE org_id = ?1 ORDER BY id").bind(org.admin.org.id).all(),
  ]);
  return JSON.stringify([boosts.results, messages.results]);
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const ask = (org: TestOrg, to: string, extra: Record<string, unknown> = {}) => ({
  toTeamId: to,
  need: "Two days of a platform engineer to set up staging",
  neededBy: "2026-11-27",
  objectiveId: org.teamObjectiveIds[0],
  ...extra,
});

describe("a boost between two teams", () => {
  it("walks asked → question → reply → accepted → resolved, emailing the other side at each step and recording the times", async () => {
    const org = await createTestOrg(env.DB, { teams: 3 });
    const [payments, platform] = org.leads;
    const asked = await createBoost(env.DB, payments, ask(org, org.teamIds[1]), ORIGIN, T0);
    expect(asked.outboxIds).toHaveLength(1);
    let sent = await mails(asked.id);
    expect(sent.map((m) => [m.to_address, m.subject])).toEqual([
      [platform.viewer.email, `Team 1 asks Team 2 for a boost · ${org.admin.org.name}`],
    ]);
    expect(sent[0].text).toContain(`${ORIGIN}/o/${org.admin.org.slug}/boosts/${asked.id}`);
    expect(sent[0].text).toContain("It unblocks the objective “Objective of team 1”");

    await postBoostMessage(env.DB, platform, asked.id, { body: "Which region should staging run in?" }, ORIGIN, at("2026-11-16T10:00:00Z"));
    await postBoostMessage(env.DB, payments, asked.id, { body: "eu-west, next to production." }, ORIGIN, at("2026-11-16T10:30:00Z"));
    await acceptBoost(env.DB, platform, asked.id, ORIGIN, at("2026-11-16T13:00:00Z"));
    await resolveBoost(env.DB, payments, asked.id, ORIGIN, at("2026-11-18T09:00:00Z"));

    sent = await mails(asked.id);
    expect(sent.map((m) => [m.to_address, m.kind])).toEqual([
      [platform.viewer.email, "boost_created"],
      [payments.viewer.email, "boost_message"],
      [platform.viewer.email, "boost_message"],
      [payments.viewer.email, "boost_accepted"],
      [platform.viewer.email, "boost_resolved"],
    ]);
    expect(sent.every((m) => m.subject.endsWith(` · ${org.admin.org.name}`))).toBe(true);
    // Team 3 was never part of it and heard nothing.
    expect(sent.some((m) => m.to_address === org.leads[2].viewer.email)).toBe(false);

    const page = await getBoostPage(env.DB, org.admin, asked.id, at("2026-11-18T09:00:00Z"));
    expect(page.boost).toMatchObject({
      state: "resolved",
      helper_team_name: "Team 2",
      accepted_at: "2026-11-16T13:00:00.000Z",
      resolved_at: "2026-11-18T09:00:00.000Z",
    });
    expect(page.messages.map((m) => [m.team_name, m.body])).toEqual([
      ["Team 2", "Which region should staging run in?"],
      ["Team 1", "eu-west, next to production."],
    ]);
    expect(page.actions).toEqual({ accept: false, decline: false, message: false, resolve: false });

    const overview = await getBoostsOverview(env.DB, org.admin, at("2026-11-18T10:00:00Z"));
    expect(overview.timings).toEqual([
      {
        waveId: org.waveId,
        waveName: "Wave 1",
        requested: 1,
        accepted: 1,
        resolved: 1,
        medianToAcceptMs: 4 * 3_600_000,
        medianToResolveMs: 48 * 3_600_000,
      },
    ]);
    expect(overview.matrix).toMatchObject({
      waveName: "Wave 1",
      requesters: [{ name: "Team 1" }],
      helpers: [{ name: "Team 2" }],
      counts: [[1]],
    });
  });

  it("asks any team: every other lead hears, a decline keeps it open, the first to accept helps, and both teams' pages show it", async () => {
    const org = await createTestOrg(env.DB, { teams: 3 });
    const [payments, platform, data] = org.leads;
    const asked = await createBoost(env.DB, payments, ask(org, "any"), ORIGIN, T0);
    expect((await mails(asked.id)).map((m) => m.to_address).sort()).toEqual([platform.viewer.email, data.viewer.email].sort());

    await declineBoost(env.DB, data, asked.id, { reason: "We are short two people this sprint." }, ORIGIN, at("2026-11-16T11:00:00Z"));
    const afterDecline = await getBoostPage(env.DB, data, asked.id, at("2026-11-16T11:00:00Z"));
    expect(afterDecline.boost.state).toBe("open");
    expect(afterDecline.declinedByViewer).toBe(true);
    expect((await refusal(declineBoost(env.DB, data, asked.id, { reason: "Still no." }, ORIGIN, T0))).status).toBe(409);

    await acceptBoost(env.DB, platform, asked.id, ORIGIN, at("2026-11-16T12:00:00Z"));
    expect((await refusal(acceptBoost(env.DB, data, asked.id, ORIGIN, T0))).status).toBe(409);
    const declined = (await mails(asked.id)).find((m) => m.kind === "boost_declined");
    expect(declined?.to_address).toBe(payments.viewer.email);
    expect(declined?.text).toContain("We are short two people this sprint.");

    for (const team of [org.teamIds[0], org.teamIds[1]]) {
      const { boosts } = await getTeamBoosts(env.DB, org.admin, team, T0);
      expect(boosts.map((b) => [b.id, b.state, b.helper_team_name])).toEqual([[asked.id, "accepted", "Team 2"]]);
    }
    expect((await getTeamBoosts(env.DB, org.admin, org.teamIds[2], T0)).boosts).toEqual([]);
  });

  it("closes a request to one team when that team declines", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const asked = await createBoost(env.DB, org.leads[0], ask(org, org.teamIds[1]), ORIGIN, T0);
    await declineBoost(env.DB, org.leads[1], asked.id, { reason: "Frozen for the audit." }, ORIGIN, T0);
    expect((await getBoostPage(env.DB, org.admin, asked.id, T0)).boost.state).toBe("declined");
    expect((await refusal(acceptBoost(env.DB, org.leads[1], asked.id, ORIGIN, T0))).status).toBe(409);
    expect((await refusal(postBoostMessage(env.DB, org.leads[0], asked.id, { body: "Please?" }, ORIGIN, T0))).status).toBe(409);
  });

  it("returns the first boost for a repeated submission and sends nothing twice", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const input = ask(org, org.teamIds[1], { submissionId: "retry-test-submission-0001" });
    const [first, second] = await Promise.all([
      createBoost(env.DB, org.leads[0], input, ORIGIN, T0),
      createBoost(env.DB, org.leads[0], input, ORIGIN, T0),
    ]);
    expect(second.id).toBe(first.id);
    expect((await createBoost(env.DB, org.leads[0], input, ORIGIN, T0)).id).toBe(first.id);
    expect(
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM boosts WHERE org_id = ?1").bind(org.admin.org.id).first<{ n: number }>())?.n,
    ).toBe(1);
    expect(await mails(first.id)).toHaveLength(1);
  });

  it("links a boost to an ageing PPP problem and keeps what the problem said", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const ppp = await savePpp(
      env.DB,
      org.leads[0],
      org.teamIds[0],
      "2026-11-09",
      { problems: [{ text: "No staging environment" }] },
      "submit",
      at("2026-11-13T10:00:00Z"),
    );
    const asked = await createBoost(
      env.DB,
      org.leads[0],
      ask(org, org.teamIds[1], { objectiveId: "", problemThreadId: ppp.threads.problems[0] }),
      ORIGIN,
      T0,
    );
    const page = await getBoostPage(env.DB, org.leads[1], asked.id, T0);
    expect(page.boost).toMatchObject({
      problem_thread_id: ppp.threads.problems[0],
      problem_text: "No staging environment",
      objective_id: null,
    });
    expect(page.actions).toEqual({ accept: true, decline: true, message: true, resolve: false });
  });

  it("escapes what people wrote in every email", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const asked = await createBoost(
      env.DB,
      org.leads[0],
      ask(org, org.teamIds[1], { need: `<script>alert("x")</script> & <b>bold</b> help` }),
      ORIGIN,
      T0,
    );
    const [mail] = await mails(asked.id);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; help");
  });
});

describe("bad boost input and the wrong people are refused, writing nothing", () => {
  it.each([
    { name: "a team of another org", input: (o: TestOrg, other: TestOrg) => ask(o, other.teamIds[0]), field: "toTeamId" },
    { name: "the asking team itself", input: (o: TestOrg) => ask(o, o.teamIds[0]), field: "toTeamId" },
    { name: "a date that has passed", input: (o: TestOrg) => ask(o, o.teamIds[1], { neededBy: "2026-11-15" }), field: "neededBy" },
    { name: "not a date", input: (o: TestOrg) => ask(o, o.teamIds[1], { neededBy: "next week" }), field: "neededBy" },
    { name: "nothing it unblocks", input: (o: TestOrg) => ask(o, o.teamIds[1], { objectiveId: "" }), field: "objectiveId" },
    {
      name: "another team's objective",
      input: (o: TestOrg) => ask(o, o.teamIds[1], { objectiveId: o.teamObjectiveIds[1] }),
      field: "objectiveId",
    },
    {
      name: "a problem the team never raised",
      input: (o: TestOrg) => ask(o, o.teamIds[1], { problemThreadId: "B".repeat(22) }),
      field: "problemThreadId",
    },
    { name: "an empty need", input: (o: TestOrg) => ask(o, o.teamIds[1], { need: "  " }), field: "need" },
  ])("$name → 400", async ({ input, field }) => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const other = await createTestOrg(env.DB, { teams: 1 });
    const before = await boostRows(org);
    const error = await refusal(createBoost(env.DB, org.leads[0], input(org, other), ORIGIN, T0));
    expect(error.status).toBe(400);
    expect(error.details.map((d) => d.field)).toContain(field);
    expect(await boostRows(org)).toBe(before);
  });

  it("only the leads of the teams involved act; admins read along; another org's boost is 404", async () => {
    const org = await createTestOrg(env.DB, { teams: 3 });
    const other = await createTestOrg(env.DB, { teams: 2 });
    const asked = await createBoost(env.DB, org.leads[0], ask(org, org.teamIds[1]), ORIGIN, T0);
    const before = await boostRows(org);
    const outsider = org.leads[2];
    expect((await refusal(createBoost(env.DB, org.admin, ask(org, org.teamIds[1]), ORIGIN, T0))).status).toBe(403);
    expect((await refusal(postBoostMessage(env.DB, org.admin, asked.id, { body: "Admins chime in" }, ORIGIN, T0))).status).toBe(403);
    expect((await refusal(postBoostMessage(env.DB, outsider, asked.id, { body: "Not my business" }, ORIGIN, T0))).status).toBe(403);
    expect((await refusal(acceptBoost(env.DB, outsider, asked.id, ORIGIN, T0))).status).toBe(403);
    expect((await refusal(acceptBoost(env.DB, org.leads[0], asked.id, ORIGIN, T0))).status).toBe(403);
    expect((await refusal(resolveBoost(env.DB, org.leads[1], asked.id, ORIGIN, T0))).status).toBe(403);
    expect((await refusal(postBoostMessage(env.DB, org.leads[1], asked.id, { body: "" }, ORIGIN, T0))).status).toBe(400);
    expect((await refusal(declineBoost(env.DB, org.leads[1], asked.id, { reason: "" }, ORIGIN, T0))).status).toBe(400);
    for (const stranger of [other.admin, other.leads[0]]) {
      expect((await refusal(getBoostPage(env.DB, stranger, asked.id, T0))).status).toBe(404);
      expect((await refusal(acceptBoost(env.DB, stranger, asked.id, ORIGIN, T0))).status).toBe(404);
      expect((await refusal(postBoostMessage(env.DB, stranger, asked.id, { body: "Hello from elsewhere" }, ORIGIN, T0))).status).toBe(404);
    }
    expect(await boostRows(org)).toBe(before);
  });
});

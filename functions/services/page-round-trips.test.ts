import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { campaignRouteIds } from "../../tests/support/campaign-fixtures";
import { countingD1 } from "../../tests/support/d1-counter";
import { ORG_API_ROUTES, routeApiTokenId, routeBoostId, routeWebhookIds, type RouteIds } from "../../tests/support/org-api-routes";
import { sessionCookieFor, type TestOrg } from "../../tests/support/org-fixtures";
import { app } from "../api/app";
import { findOrgBySlug } from "../db/orgs";
import { insertSessionStatement } from "../db/sessions";
import { requireOrgAccess, type OrgAccess } from "./access";
import { getActions } from "./actions";
import { SESSION_COOKIE, viewerFromSession } from "./auth";
import { getBoardPage } from "./board";
import { getBoostPage, getBoostsOverview } from "./boost-views";
import { getOrgResults } from "./campaign-results";
import { getCampaignsOverview } from "./campaigns";
import { createApiToken } from "./api-tokens";
import { connectTeamChannel } from "./chat-channels";
import { saveTeamAddresses } from "./team-addresses";
import { getIntegrationsPage } from "./integrations-page";
import { getNewObjectivePage } from "./new-objective-page";
import { getPpp } from "./ppp";
import { getPppSummary } from "./ppp-summary";
import { getReportsPage } from "./reports-page";
import { getPulseReadView } from "./sentiment";
import { getSettingsPage } from "./settings-page";
import { BENCH_ADMIN, BENCH_ORG, seedLargeOrg } from "./seed/large-org";
import { getTeamPage } from "./team-page";
import { getTeamsOverview } from "./teams";
import { randomToken, sha256Hex } from "./tokens";
import { getWavePage, listOrgWaves } from "./waves";

/**
 * Every org page and every API read makes at most 3 D1 round trips, session check included,
 * on the 50-team org of the benchmark. A page: the session (middleware), the org access
 * (orgPageAccess), and the page's one view service, exactly as the page calls them. An API
 * GET: the whole request through the Hono app (orgAccessMiddleware's session and access, then
 * the route) on a counting D1. A read that publishes what is due (a pulse week that is over, a
 * campaign release) adds one write batch, once; each case reads once first, then counts.
 */
const NOW = new Date("2026-11-20T10:00:00Z");
const MAX_ROUND_TRIPS = 3;
const BASE = "https://mistvine.test";

async function signedIn(email: string): Promise<string> {
  const person = await env.DB.prepare("SELECT id FROM people WHERE email = ?1").bind(email).first<{ id: string }>();
  const token = randomToken(32);
  await insertSessionStatement(
    env.DB,
    await sha256Hex(token),
    person!.id,
    NOW.toISOString(),
    new Date(NOW.getTime() + 86_400_000).toISOString(),
  ).run();
  return token;
}

type Read = (db: D1Database, access: OrgAccess) => Promise<unknown>;

/** Round trips of one page view: the middleware's session check, the org access, then `read`. */
async function roundTripsOf(cookie: string, read: Read): Promise<{ roundTrips: number; view: unknown }> {
  const counter = countingD1(env.DB);
  const viewer = await viewerFromSession(counter.db, cookie, NOW);
  const access = await requireOrgAccess(counter.db, viewer, BENCH_ORG.slug);
  const view = await read(counter.db, access);
  return { roundTrips: counter.roundTrips(), view };
}

/** A page's read twice (the first publishes what is due), the second counted; its view for checks. */
async function pageRead<T>(cookie: string, read: (db: D1Database, access: OrgAccess) => Promise<T>): Promise<T> {
  await roundTripsOf(cookie, read);
  const { roundTrips, view } = await roundTripsOf(cookie, read);
  expect(roundTrips).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  return view as T;
}

/** Something each API GET must answer on the 50-team org, so no count passes on an empty read. */
const API_SHOWS: Record<string, (ids: RouteIds) => string> = {
  "/api/orgs/:org": () => '"slug":"bench-50"',
  "/api/orgs/:org/board": () => '"name":"Team 50"',
  "/api/orgs/:org/actions": () => '"items":[{',
  "/api/orgs/:org/teams": () => '"name":"Team 50"',
  "/api/orgs/:org/teams/:team": () => '"name":"Team 01"',
  "/api/orgs/:org/waves": () => '"name":"Bench wave"',
  "/api/orgs/:org/waves/:wave": () => '"name":"Team 50"',
  "/api/orgs/:org/pulse": () => '"weeks":["',
  "/api/orgs/:org/pulse.csv": () => "Team 50",
  "/api/orgs/:org/teams/:team/pulse": () => '"name":"Team 01"',
  "/api/orgs/:org/teams/:team/pulse-link": () => '"path":"/p/',
  "/api/orgs/:org/teams/:team/pulse-mode": () => '"mode":"shared"',
  "/api/orgs/:org/report-schedule": () => '"reportWeekday":1',
  "/api/orgs/:org/reports/:kind/preview": () => "Weekly report · Bench Fifty",
  "/api/orgs/:org/teams/:team/addresses": () => "member@bench.example",
  "/api/orgs/:org/ppp": () => '"name":"Team 50"',
  "/api/orgs/:org/teams/:team/ppp": () => '"name":"Team 01"',
  "/api/orgs/:org/teams/:team/ppp/:week": () => '"week":"2026-11-16"',
  "/api/orgs/:org/boosts": (ids) => ids.boostId,
  "/api/orgs/:org/boosts/:boost": (ids) => ids.boostId,
  "/api/orgs/:org/campaigns": (ids) => ids.campaignId,
  "/api/orgs/:org/results": (ids) => ids.campaignId,
  "/api/orgs/:org/share-links": (ids) => ids.shareLinkId,
  "/api/orgs/:org/api-tokens": (ids) => String(ids.apiTokenId),
  "/api/orgs/:org/webhooks": (ids) => String(ids.webhookEndpointId),
  "/api/orgs/:org/chat-channels": () => '"host":"hooks.slack.com"',
  "/api/orgs/:org/teams/:team/chat-channel": () => '"host":"hooks.slack.com"',
};

describe("page and API round trips on the 50-team org", () => {
  let admin = "";
  let lead = "";
  /** The API checks the session at the real clock: a session that outlives the test run. */
  let apiAdmin = "";
  let apiLead = "";
  /** A read-only API token of the admin: the middleware's other way in. */
  let apiToken = "";
  let teamId = "";
  let waveId = "";
  let ids: RouteIds;
  let o: TestOrg;
  beforeAll(async () => {
    await seedLargeOrg(env.DB, NOW);
    const org = await findOrgBySlug(env.DB, BENCH_ORG.slug);
    const teams = (
      await env.DB.prepare("SELECT id FROM teams WHERE org_id = ?1 ORDER BY name").bind(org!.id).all<{ id: string }>()
    ).results.map((t) => t.id);
    teamId = teams[0];
    waveId = (await env.DB.prepare("SELECT id FROM waves WHERE org_id = ?1 AND state = 'active'").bind(org!.id).first<{ id: string }>())!
      .id;
    const objectiveIds = async (level: string) =>
      (
        await env.DB.prepare(
          "SELECT o.id FROM objectives o LEFT JOIN teams t ON t.id = o.team_id WHERE o.wave_id = ?1 AND o.level = ?2 ORDER BY t.name, o.created_at, o.id",
        )
          .bind(waveId, level)
          .all<{ id: string }>()
      ).results.map((r) => r.id);
    admin = await signedIn(BENCH_ADMIN.email);
    lead = await signedIn("lead0@bench.example");
    const adminAccess = await requireOrgAccess(env.DB, await viewerFromSession(env.DB, admin, NOW), BENCH_ORG.slug);
    const leadAccess = await requireOrgAccess(env.DB, await viewerFromSession(env.DB, lead, NOW), BENCH_ORG.slug);
    apiAdmin = await sessionCookieFor(env.DB, adminAccess);
    apiLead = await sessionCookieFor(env.DB, leadAccess);
    apiToken = (await createApiToken(env.DB, adminAccess, { name: "Round trips", scope: "read", expiresInDays: null }, new Date())).token;
    o = {
      admin: adminAccess,
      leads: [leadAccess],
      teamIds: teams,
      waveId,
      orgObjectiveIds: await objectiveIds("org"),
      teamObjectiveIds: await objectiveIds("team"),
    };
    // What the boost, campaign and integrations pages list: a boost, an open campaign with a
    // share link, an API token, a webhook endpoint with a delivery, a chat channel.
    const krId = (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1").bind(o.teamObjectiveIds[0]).first<{
      id: string;
    }>())!.id;
    ids = {
      keyResultId: krId,
      boostId: await routeBoostId({ ...o, leads: [leadAccess] }, env.DB),
      ...(await campaignRouteIds(env.DB, adminAccess)),
      apiTokenId: await routeApiTokenId(o, env.DB),
      ...(await routeWebhookIds(o, env.DB)),
    };
    await saveTeamAddresses(env.DB, adminAccess, teamId, { addresses: "member@bench.example" }, NOW);
    await connectTeamChannel(env.DB, adminAccess, teamId, { kind: "slack", url: "https://hooks.slack.com/services/T0/B0/abc" }, NOW);
  }, 180_000);

  it("the board, with what leadership sees first, for an admin and for a lead", async () => {
    const page = await pageRead(admin, (db, access) => getBoardPage(db, access, NOW));
    expect(page.board?.teams).toHaveLength(50);
    expect(page.help?.ppp).toHaveLength(50);
    const forLead = await pageRead(lead, (db, access) => getBoardPage(db, access, NOW));
    expect(forLead.board?.teams).toHaveLength(50);
    expect(forLead.help).toBeNull();
  });

  it("the team page, for its lead and for an admin", async () => {
    for (const cookie of [lead, admin]) {
      const page = await pageRead(cookie, (db, access) => getTeamPage(db, access, teamId, null, NOW));
      expect(page.view?.objectives).toHaveLength(2);
      expect(page.settings?.linkPath).toMatch(/^\/p\//);
    }
  });

  it("the pulse, actions, PPP summary and results pages, for an admin and for a lead", async () => {
    for (const cookie of [admin, lead]) {
      const pulse = await pageRead(cookie, (db, access) => getPulseReadView(db, access, null, NOW));
      expect(pulse.sentiment?.teams.size).toBe(50);
      const actions = await pageRead(cookie, (db, access) => getActions(db, access, NOW));
      expect(actions.next.wave?.name).toBe("Bench wave");
      const ppp = await pageRead(cookie, (db, access) => getPppSummary(db, access, null, NOW));
      expect(ppp.teams).toHaveLength(50);
      const results = await pageRead(cookie, (db, access) => getOrgResults(db, access, null, NOW));
      expect(results.campaign?.id).toBe(ids.campaignId);
    }
  });

  it("the boosts list and a boost, for a lead and for an admin", async () => {
    for (const cookie of [lead, admin]) {
      const list = await pageRead(cookie, (db, access) => getBoostsOverview(db, access, NOW));
      expect(list.active.map((b) => b.id)).toContain(ids.boostId);
      // A lead's "ask for a boost" form offers the 49 other teams.
      expect(list.form?.teams.length ?? 0).toBe(cookie === lead ? 49 : 0);
      const boost = await pageRead(cookie, (db, access) => getBoostPage(db, access, ids.boostId, NOW));
      expect(boost.boost.id).toBe(ids.boostId);
    }
  });

  it("the campaigns page, for a lead and for an admin", async () => {
    for (const cookie of [lead, admin]) {
      const page = await pageRead(cookie, (db, access) => getCampaignsOverview(db, access, NOW));
      expect(page.open?.id).toBe(ids.campaignId);
      expect(page.shareLinks).toHaveLength(cookie === admin ? 1 : 0);
    }
  });

  it("the teams list, for a lead and for an admin", async () => {
    for (const cookie of [lead, admin]) {
      const page = await pageRead(cookie, (db, access) => getTeamsOverview(db, access));
      expect(page.teams).toHaveLength(50);
      expect(page.teams.every((t) => t.leads.length === 1)).toBe(true);
    }
  });

  it("a team's PPP, for its lead and for an admin", async () => {
    for (const cookie of [lead, admin]) {
      const page = await pageRead(cookie, (db, access) => getPpp(db, access, teamId, null, NOW));
      expect(page.team.id).toBe(teamId);
      expect(page.history.length).toBeGreaterThan(0);
    }
  });

  it("the new-objective form, for the team's lead and for an admin", async () => {
    for (const cookie of [lead, admin]) {
      const page = await pageRead(cookie, (db, access) => getNewObjectivePage(db, access, teamId, null, NOW));
      expect(page.team.id).toBe(teamId);
      expect(page.plan?.wave.id).toBe(waveId);
      expect(page.plan?.board.orgObjectives).toHaveLength(4);
    }
  });

  it("the waves list and a wave, for a lead and for an admin", async () => {
    for (const cookie of [lead, admin]) {
      const waves = await pageRead(cookie, (db, access) => listOrgWaves(db, access, NOW));
      expect(waves.map((w) => w.id)).toContain(waveId);
      const page = await pageRead(cookie, (db, access) => getWavePage(db, access, waveId, NOW));
      expect(page.plan.board.orgObjectives).toHaveLength(4);
      expect(page.plan.board.teams).toHaveLength(50);
      expect(page.waves.map((w) => w.id)).toContain(waveId);
    }
  });

  it("the admins' settings, integrations and reports pages", async () => {
    const settings = await pageRead(admin, (db, access) => getSettingsPage(db, access));
    expect(settings.headcount).toBe(50);
    expect(settings.activeWave?.id).toBe(waveId);
    const integrations = await pageRead(admin, (db, access) => getIntegrationsPage(db, access, NOW));
    expect(integrations.tokens.map((t) => t.id)).toContain(ids.apiTokenId);
    expect(integrations.endpoints.map((e) => e.id)).toContain(ids.webhookEndpointId);
    expect(integrations.chat.teams).toHaveLength(50);
    expect(integrations.chat.channels).toHaveLength(1);
    for (const kind of ["org_report", "team_report", "pulse_reminder", "campaign_report"]) {
      const reports = await pageRead(admin, (db, access) => getReportsPage(db, access, kind, teamId, BASE, NOW));
      expect(reports.teams).toHaveLength(50);
      expect(reports.previewProblem).toBe("");
      expect(reports.preview?.email.text.length).toBeGreaterThan(100);
    }
    // A team's email asked for without a team: the page names the first team in its URL.
    const unnamed = await pageRead(admin, (db, access) => getReportsPage(db, access, "team_report", null, BASE, NOW));
    expect(unnamed.defaultTeam).toBe(teamId);
  });

  describe("every API GET under /api/orgs/{org}, through the app", () => {
    const gets = ORG_API_ROUTES.filter((r) => r.method === "GET");

    it("says what each GET must show", () => {
      expect(Object.keys(API_SHOWS).sort()).toEqual(gets.map((r) => r.pattern).sort());
    });

    /** Integrations are managed by a signed-in admin only: a token gets 403 there (see routes/integrations.ts). */
    const SESSION_ONLY = new Set(["/api/orgs/:org/api-tokens", "/api/orgs/:org/webhooks"]);

    it.each(gets.map((r) => [r.pattern, r] as const))("%s", async (_pattern, route) => {
      const send = async (headers: Record<string, string>) => {
        const counter = countingD1(env.DB);
        const ctx = createExecutionContext();
        const res = await app.fetch(new Request(`${BASE}${route.path(o, ids)}`, { headers }), { ...env, DB: counter.db }, ctx);
        const body = await res.text();
        const roundTrips = counter.roundTrips();
        await waitOnExecutionContext(ctx);
        return { res, body, roundTrips };
      };
      // A lead reads what a lead may (else a 403 or 404), in as few round trips.
      const leadAnswer = await send({ cookie: `${SESSION_COOKIE}=${apiLead}` });
      expect([200, 403, 404]).toContain(leadAnswer.res.status);
      expect((await send({ cookie: `${SESSION_COOKIE}=${apiLead}` })).roundTrips).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
      const credentials: Record<string, string>[] = [
        { cookie: `${SESSION_COOKIE}=${apiAdmin}` },
        ...(SESSION_ONLY.has(route.pattern) ? [] : [{ authorization: `Bearer ${apiToken}` }]),
      ];
      for (const headers of credentials) {
        await send(headers); // publishes what is due
        const { res, body, roundTrips } = await send(headers);
        expect(res.status, body).toBe(200);
        expect(roundTrips).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
        expect(body).toContain(API_SHOWS[route.pattern]?.(ids));
      }
    });
  });
});

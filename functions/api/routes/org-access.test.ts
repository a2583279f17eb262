import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { campaignRouteIds } from "../../../tests/support/campaign-fixtures";
import { ORG_API_ROUTES, routeApiTokenId, routeBoostId, routeWebhookIds, type RouteIds } from "../../../tests/support/org-api-routes";
import { createTestOrg, sessionCookieFor, type TestOrg } from "../../../tests/support/org-fixtures";
import { app } from "../app";

const BASE = "https://mistvine.test";
let home: TestOrg;
let stranger: TestOrg;
let homeIds: RouteIds;
let strangerCampaignIds: Awaited<ReturnType<typeof campaignRouteIds>>;
let strangerCookie: string;
let homeAdminCookie: string;
let strangerBoostId: string;
let strangerApiTokenId: string;
let strangerWebhookIds: Awaited<ReturnType<typeof routeWebhookIds>>;

/** Every row of every table, to prove a refused request changed nothing. */
async function fingerprint(): Promise<string> {
  const tables = [
    "orgs",
    "teams",
    "memberships",
    "invites",
    "waves",
    "objectives",
    "key_results",
    "kr_checkins",
    "reflections",
    "outbox",
    "pulse_links",
    "pulse_credentials",
    "pulse_guards",
    "pulse_votes",
    "pulse_respondents",
    "email_subscriptions",
    "team_member_addresses",
    "ppps",
    "ppp_items",
    "ppp_plan_reviews",
    "boosts",
    "boost_messages",
    "scorecard_campaigns",
    "scorecard_responses",
    "scorecard_campaign_credentials",
    "scorecard_share_links",
    "scorecard_result_snapshots",
    "api_tokens",
    "webhook_endpoints",
    "webhook_deliveries",
    "chat_channels",
    "chat_posts",
  ];
  const parts = await Promise.all(
    tables.map(async (t) =>
      JSON.stringify((await env.DB.prepare(`SELECT * FROM ${t}`).all()).results.map((r) => JSON.stringify(r)).sort()),
    ),
  );
  return parts.join("\n");
}

function request(method: string, path: string, cookie: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = `__Host-mv_session=${cookie}`;
  if (method !== "GET") headers["content-type"] = "application/json";
  return exports.default.fetch(`${BASE}${path}`, {
    method,
    headers,
    body: body === undefined || method === "GET" ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  home = await createTestOrg(env.DB, { teams: 2 });
  stranger = await createTestOrg(env.DB, { teams: 1 });
  strangerBoostId = await routeBoostId(stranger, env.DB);
  strangerApiTokenId = await routeApiTokenId(stranger, env.DB);
  strangerWebhookIds = await routeWebhookIds(stranger, env.DB);
  homeIds = {
    keyResultId: (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
      .bind(home.teamObjectiveIds[0])
      .first<{ id: string }>())!.id,
    boostId: await routeBoostId(home, env.DB),
    apiTokenId: await routeApiTokenId(home, env.DB),
    ...(await routeWebhookIds(home, env.DB)),
    ...(await campaignRouteIds(env.DB, home.admin)),
  };
  strangerCampaignIds = await campaignRouteIds(env.DB, stranger.admin);
  strangerCookie = await sessionCookieFor(env.DB, stranger.admin);
  homeAdminCookie = await sessionCookieFor(env.DB, home.admin);
});

describe("org-scoped API routes", () => {
  it("lists every /api/orgs route the app serves", () => {
    const served = new Set(
      app.routes.filter((r) => r.path.startsWith("/api/orgs/:org") && r.method !== "ALL").map((r) => `${r.method} ${r.path}`),
    );
    const listed = new Set(ORG_API_ROUTES.map((r) => `${r.method} ${r.pattern}`));
    expect([...served].sort()).toEqual([...listed].sort());
  });

  it.each(ORG_API_ROUTES.map((r) => [`${r.method} ${r.pattern}`, r] as const))(
    "%s: a member of another org gets 404 and nothing changes",
    async (_name, route) => {
      const before = await fingerprint();
      const res = await request(route.method, route.path(home, homeIds), strangerCookie, route.body?.(home, homeIds));
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
      expect(await fingerprint()).toBe(before);
    },
  );

  it.each(ORG_API_ROUTES.map((r) => [`${r.method} ${r.pattern}`, r] as const))("%s: signed out gets 401", async (_name, route) => {
    const res = await request(route.method, route.path(home, homeIds), null, route.body?.(home, homeIds));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });

  it.each(ORG_API_ROUTES.filter((r) => r.pattern.includes("/:", 14) && !r.noIds).map((r) => [`${r.method} ${r.pattern}`, r] as const))(
    "%s: the org's own admin naming another org's ids gets 404",
    async (_name, route) => {
      const strangerIds = {
        keyResultId: (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
          .bind(stranger.teamObjectiveIds[0])
          .first<{ id: string }>())!.id,
        boostId: strangerBoostId,
        apiTokenId: strangerApiTokenId,
        ...strangerWebhookIds,
        ...strangerCampaignIds,
      };
      const mixed: TestOrg = { ...stranger, admin: home.admin };
      const before = await fingerprint();
      const res = await request(route.method, route.path(mixed, strangerIds), homeAdminCookie, route.body?.(mixed, strangerIds));
      expect(res.status).toBe(404);
      expect(await fingerprint()).toBe(before);
    },
  );
});

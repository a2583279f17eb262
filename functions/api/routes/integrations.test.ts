import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { campaignRouteIds } from "../../../tests/support/campaign-fixtures";
import { ORG_API_ROUTES, routeApiTokenId, routeBoostId, routeWebhookIds, type RouteIds } from "../../../tests/support/org-api-routes";
import { createTestOrg, sessionCookieFor, type TestOrg } from "../../../tests/support/org-fixtures";
import { createApiToken } from "../../services/api-tokens";
import { sha256Hex } from "../../services/tokens";

const BASE = "https://mistvine.test";
type Envelope = { error: { code: string; message: string; details: { field: string; issue: string }[] } };

let home: TestOrg;
let stranger: TestOrg;
let homeIds: RouteIds;
let adminCookie: string;
let leadCookie: string;
let readToken: string;
let writeToken: string;
let strangerToken: string;

function call(method: string, path: string, auth: { token?: string; cookie?: string; authorization?: string }, body?: unknown) {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = `__Host-mv_session=${auth.cookie}`;
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.authorization !== undefined) headers.authorization = auth.authorization;
  if (method !== "GET") headers["content-type"] = "application/json";
  return exports.default.fetch(`${BASE}${path}`, {
    method,
    headers,
    body: body === undefined || method === "GET" ? undefined : JSON.stringify(body),
  });
}

/** Creates a token through the API as the signed-in admin, as the Integrations page does. */
async function newToken(scope: "read" | "write", cookie = adminCookie, o: TestOrg = home): Promise<string> {
  const res = await call(
    "POST",
    `/api/orgs/${o.admin.org.slug}/api-tokens`,
    { cookie },
    { name: `${scope} script`, scope, expiresInDays: 90 },
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** Every row of the tables a route could change (a token's last use aside). */
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
    "team_member_addresses",
    "ppps",
    "ppp_items",
    "boosts",
    "boost_messages",
    "scorecard_campaigns",
    "scorecard_share_links",
    "ppp_plan_reviews",
    "email_subscriptions",
    "scorecard_result_snapshots",
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
  parts.push(JSON.stringify((await env.DB.prepare("SELECT id, name, scope, revoked_at FROM api_tokens ORDER BY id").all()).results));
  return parts.join("\n");
}

const keyResultOf = async (o: TestOrg) =>
  (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1").bind(o.teamObjectiveIds[0]).first<{ id: string }>())!.id;

beforeAll(async () => {
  home = await createTestOrg(env.DB, { teams: 2 });
  stranger = await createTestOrg(env.DB, { teams: 1 });
  adminCookie = await sessionCookieFor(env.DB, home.admin);
  leadCookie = await sessionCookieFor(env.DB, home.leads[0]);
  homeIds = {
    keyResultId: await keyResultOf(home),
    boostId: await routeBoostId(home, env.DB),
    apiTokenId: await routeApiTokenId(home, env.DB),
    ...(await routeWebhookIds(home, env.DB)),
    ...(await campaignRouteIds(env.DB, home.admin)),
  };
  readToken = await newToken("read");
  writeToken = await newToken("write");
  strangerToken = await newToken("write", await sessionCookieFor(env.DB, stranger.admin), stranger);
});

describe("creating, listing and revoking API tokens", () => {
  it("shows the token once, stores only its SHA-256 and lists it with its last use", async () => {
    const res = await call(
      "POST",
      `/api/orgs/${home.admin.org.slug}/api-tokens`,
      { cookie: adminCookie },
      { name: "Check-in script", scope: "write", expiresInDays: null },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = (await res.json()) as {
      id: string;
      token: string;
      hint: string;
      scope: string;
      expiresAt: string | null;
      createdBy: string;
    };
    expect(created.token).toMatch(/^mvt_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ scope: "write", expiresAt: null, createdBy: "Admin", hint: `mvt_…${created.token.slice(-4)}` });

    const stored = await env.DB.prepare("SELECT * FROM api_tokens WHERE id = ?1").bind(created.id).first<Record<string, unknown>>();
    expect(stored?.token_hash).toBe(await sha256Hex(created.token));
    expect(Object.values(stored ?? {}).some((v) => typeof v === "string" && v.includes(created.token.slice(4, 20)))).toBe(false);

    const listed = async () =>
      (
        (await (await call("GET", `/api/orgs/${home.admin.org.slug}/api-tokens`, { cookie: adminCookie })).json()) as {
          tokens: Record<string, unknown>[];
        }
      ).tokens.find((t) => t.id === created.id);
    expect(await listed()).toMatchObject({ name: "Check-in script", status: "active", lastUsedAt: null });
    expect(JSON.stringify(await listed())).not.toContain(created.token);

    const used = await call("GET", `/api/orgs/${home.admin.org.slug}/board`, { token: created.token });
    expect(used.status).toBe(200);
    expect((await listed())?.lastUsedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));

    const revoked = await call("DELETE", `/api/orgs/${home.admin.org.slug}/api-tokens/${created.id}`, { cookie: adminCookie });
    expect(revoked.status).toBe(204);
    expect(await listed()).toMatchObject({ status: "revoked" });
    const after = await call("GET", `/api/orgs/${home.admin.org.slug}/board`, { token: created.token });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await after.json()) as Envelope).error).toMatchObject({ code: "unauthorized", message: expect.stringContaining("revoked") });
  });

  it("refuses a bad name, scope or expiry with the fields that need attention", async () => {
    const res = await call(
      "POST",
      `/api/orgs/${home.admin.org.slug}/api-tokens`,
      { cookie: adminCookie },
      { name: "", scope: "admin", expiresInDays: 7 },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as Envelope;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d) => d.field).sort()).toEqual(["expiresInDays", "name", "scope"]);
  });

  it("lets only admins manage tokens, and only signed in: a token cannot list, mint or revoke tokens", async () => {
    const slug = home.admin.org.slug;
    expect(
      (await call("POST", `/api/orgs/${slug}/api-tokens`, { cookie: leadCookie }, { name: "Lead's", scope: "read", expiresInDays: 30 }))
        .status,
    ).toBe(403);
    expect((await call("GET", `/api/orgs/${slug}/api-tokens`, { cookie: leadCookie })).status).toBe(403);
    expect((await call("DELETE", `/api/orgs/${slug}/api-tokens/${homeIds.apiTokenId}`, { cookie: leadCookie })).status).toBe(403);
    for (const [method, path, body] of [
      ["GET", `/api/orgs/${slug}/api-tokens`, undefined],
      ["POST", `/api/orgs/${slug}/api-tokens`, { name: "Minted by a token", scope: "write", expiresInDays: null }],
      ["DELETE", `/api/orgs/${slug}/api-tokens/${homeIds.apiTokenId}`, undefined],
      ["GET", `/api/orgs/${slug}/webhooks`, undefined],
      ["POST", `/api/orgs/${slug}/webhooks`, { url: "https://hooks.example.com/by-token", events: ["boost.created"] }],
      ["DELETE", `/api/orgs/${slug}/webhooks/${homeIds.webhookEndpointId}`, undefined],
      ["POST", `/api/orgs/${slug}/webhooks/${homeIds.webhookEndpointId}/deliveries/${homeIds.webhookDeliveryId}/resend`, {}],
    ] as const) {
      const res = await call(method, path, { token: writeToken }, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as Envelope).error.message).toContain("signed in");
    }
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM api_tokens WHERE name = 'Minted by a token'").first<{ n: number }>())?.n).toBe(
      0,
    );
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM webhook_endpoints WHERE url LIKE '%by-token'").first<{ n: number }>())?.n).toBe(
      0,
    );
  });

  it("answers 404 for another org's token id", async () => {
    const res = await call("DELETE", `/api/orgs/${home.admin.org.slug}/api-tokens/${await routeApiTokenId(stranger, env.DB)}`, {
      cookie: adminCookie,
    });
    expect(res.status).toBe(404);
  });
});

describe("webhook endpoints through the API", () => {
  it("answers the secret once, lists endpoints without it, and refuses bad input with the envelope", async () => {
    const slug = home.admin.org.slug;
    const res = await call(
      "POST",
      `/api/orgs/${slug}/webhooks`,
      { cookie: adminCookie },
      { url: "https://hooks.example.com/api", events: ["boost.created", "kr.checked_in"] },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = (await res.json()) as { id: string; secret: string };
    expect(created.secret).toMatch(/^whsec_/);
    const list = await (await call("GET", `/api/orgs/${slug}/webhooks`, { cookie: adminCookie })).text();
    expect(list).toContain(created.id);
    expect(list).not.toContain(created.secret.slice(6));

    for (const body of [
      { url: "https://hooks.example.com/x", events: ["pulse.votes"] },
      { url: "nope", events: ["boost.created"] },
      { events: ["boost.created"] },
      "just text",
    ]) {
      const bad = await call("POST", `/api/orgs/${slug}/webhooks`, { cookie: adminCookie }, body);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Envelope).error.code).toBe("validation_failed");
    }
    expect(
      (
        await call(
          "POST",
          `/api/orgs/${slug}/webhooks`,
          { cookie: leadCookie },
          { url: "https://hooks.example.com/lead", events: ["boost.created"] },
        )
      ).status,
    ).toBe(403);
    expect((await call("DELETE", `/api/orgs/${slug}/webhooks/${created.id}`, { cookie: adminCookie })).status).toBe(204);
    expect((await call("DELETE", `/api/orgs/${slug}/webhooks/${created.id}`, { cookie: adminCookie })).status).toBe(404);
    expect(
      (
        await call(
          "POST",
          `/api/orgs/${slug}/webhooks/${homeIds.webhookEndpointId}/deliveries/not-a-number/resend`,
          { cookie: adminCookie },
          {},
        )
      ).status,
    ).toBe(404);
  });
});

describe("a token on every org route", () => {
  it.each(ORG_API_ROUTES.filter((r) => r.method === "GET").map((r) => [`${r.method} ${r.pattern}`, r] as const))(
    "%s: a read-only token reads exactly what its admin reads signed in",
    async (_name, route) => {
      const path = route.path(home, homeIds);
      const bySession = await call("GET", path, { cookie: adminCookie });
      const byToken = await call("GET", path, { token: readToken });
      if (route.pattern.endsWith("/api-tokens") || route.pattern.endsWith("/webhooks")) {
        // Managing tokens needs a session (tested below).
        expect([bySession.status, byToken.status]).toEqual([200, 403]);
        return;
      }
      expect(byToken.status).toBe(bySession.status);
      // Ages are measured at the moment of each request.
      const strip = (text: string) => text.replace(/"ageMs":\d+/g, '"ageMs":0');
      expect(strip(await byToken.text())).toBe(strip(await bySession.text()));
    },
  );

  it.each(ORG_API_ROUTES.filter((r) => r.method !== "GET").map((r) => [`${r.method} ${r.pattern}`, r] as const))(
    "%s: a read-only token gets 403 and nothing changes",
    async (_name, route) => {
      const before = await fingerprint();
      const res = await call(route.method, route.path(home, homeIds), { token: readToken }, route.body?.(home, homeIds));
      expect(res.status).toBe(403);
      expect(((await res.json()) as Envelope).error.code).toBe("forbidden");
      expect(await fingerprint()).toBe(before);
    },
  );

  it.each(ORG_API_ROUTES.map((r) => [`${r.method} ${r.pattern}`, r] as const))(
    "%s: another org's token gets 404 and nothing changes",
    async (_name, route) => {
      const before = await fingerprint();
      const res = await call(route.method, route.path(home, homeIds), { token: strangerToken }, route.body?.(home, homeIds));
      expect(res.status).toBe(404);
      expect(((await res.json()) as Envelope).error.code).toBe("not_found");
      expect(await fingerprint()).toBe(before);
    },
  );

  it.each(ORG_API_ROUTES.map((r) => [`${r.method} ${r.pattern}`, r] as const))(
    "%s: a malformed token gets 401, even beside a valid session cookie",
    async (_name, route) => {
      const before = await fingerprint();
      const res = await call(
        route.method,
        route.path(home, homeIds),
        { cookie: adminCookie, authorization: "Bearer not-a-token" },
        route.body?.(home, homeIds),
      );
      expect(res.status).toBe(401);
      expect(((await res.json()) as Envelope).error.code).toBe("unauthorized");
      expect(await fingerprint()).toBe(before);
    },
  );
});

describe("what a token can do", () => {
  it("checks in a key result as the admin who created it", async () => {
    const kr = await keyResultOf(home);
    const res = await call(
      "POST",
      `/api/orgs/${home.admin.org.slug}/key-results/${kr}/check-ins`,
      { token: writeToken },
      { value: 42, note: "From the nightly script" },
    );
    expect(res.status).toBe(201);
    const row = await env.DB.prepare(
      "SELECT value, person_id FROM kr_checkins WHERE key_result_id = ?1 AND note = 'From the nightly script'",
    )
      .bind(kr)
      .first<{ value: number; person_id: string }>();
    expect(row).toEqual({ value: 42, person_id: home.admin.viewer.personId });
  });

  it("keeps the API's JSON rule: a token's write without JSON is 415, bad input 400, never a 500", async () => {
    const kr = await keyResultOf(home);
    const form = await exports.default.fetch(`${BASE}/api/orgs/${home.admin.org.slug}/key-results/${kr}/check-ins`, {
      method: "POST",
      headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/x-www-form-urlencoded" },
      body: "value=3",
    });
    expect(form.status).toBe(415);
    const bad = await call(
      "POST",
      `/api/orgs/${home.admin.org.slug}/key-results/${kr}/check-ins`,
      { token: writeToken },
      { value: "lots" },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Envelope).error.code).toBe("validation_failed");
  });

  it.each([
    ["no scheme", "mvt_abc"],
    ["another scheme", "Basic YWRtaW46YWRtaW4="],
    ["an empty bearer", "Bearer "],
    ["a short token", "Bearer mvt_short"],
    ["a session cookie value", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["an unknown token", `Bearer mvt_${"A".repeat(43)}`],
  ])("refuses %s with 401 and the envelope", async (_name, authorization) => {
    const res = await call("GET", `/api/orgs/${home.admin.org.slug}/board`, { authorization });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Envelope;
    expect(body.error.code).toBe("unauthorized");
    expect(body.error.message.length).toBeGreaterThan(10);
  });

  it("stops working once expired", async () => {
    const created = await createApiToken(
      env.DB,
      home.admin,
      { name: "Short-lived", scope: "read", expiresInDays: 30 },
      new Date(Date.now() - 31 * 86_400_000),
    );
    const res = await call("GET", `/api/orgs/${home.admin.org.slug}/board`, { token: created.token });
    expect(res.status).toBe(401);
    expect(((await res.json()) as Envelope).error.message).toContain("expired");
  });

  it("stops working when its admin is no longer an admin, so it never outlives their rights", async () => {
    const o = await createTestOrg(env.DB, { teams: 1 });
    const token = await newToken("write", await sessionCookieFor(env.DB, o.admin), o);
    expect((await call("GET", `/api/orgs/${o.admin.org.slug}/teams`, { token })).status).toBe(200);
    await env.DB.prepare("UPDATE memberships SET role = 'lead', team_id = ?3 WHERE org_id = ?1 AND person_id = ?2")
      .bind(o.admin.org.id, o.admin.viewer.personId, o.teamIds[0])
      .run();
    const demoted = await call("POST", `/api/orgs/${o.admin.org.slug}/teams`, { token }, { name: "Sneaky team", declaredSize: 3 });
    expect(demoted.status).toBe(401);
    await env.DB.prepare("DELETE FROM memberships WHERE org_id = ?1 AND person_id = ?2")
      .bind(o.admin.org.id, o.admin.viewer.personId)
      .run();
    expect((await call("GET", `/api/orgs/${o.admin.org.slug}/teams`, { token })).status).toBe(401);
    expect(
      (
        await env.DB.prepare("SELECT COUNT(*) AS n FROM teams WHERE org_id = ?1 AND name = 'Sneaky team'")
          .bind(o.admin.org.id)
          .first<{ n: number }>()
      )?.n,
    ).toBe(0);
  });

  it("is rate limited per token: 120 requests a minute pass, then 429, and another token is unaffected", async () => {
    const token = await newToken("read");
    // The limiter counts in fixed one-minute windows. On a busy machine the run can cross a
    // window's end, which starts the count again, so keep asking (at most two windows' worth)
    // until the first 429: it must come, and never before 120 requests have passed in a window.
    const statuses: number[] = [];
    while (statuses.length < 241 && statuses.at(-1) !== 429)
      statuses.push((await call("GET", `/api/orgs/${home.admin.org.slug}`, { token })).status);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(120);
    const limited = await call("GET", `/api/orgs/${home.admin.org.slug}`, { token });
    expect(((await limited.json()) as Envelope).error.code).toBe("rate_limited");
    expect((await call("GET", `/api/orgs/${home.admin.org.slug}`, { token: readToken })).status).toBe(200);
  });
});

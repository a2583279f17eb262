import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestOrg, sessionCookieFor, type TestOrg } from "../../../tests/support/org-fixtures";
import { createApiToken } from "../../services/api-tokens";

const BASE = "https://mistvine.test";
const SLACK = "https://hooks.slack.com/services/T000/B000/api-secret";
const TEAMS = "https://prod-1.westus.logic.azure.com/workflows/api/triggers/manual/paths/invoke?sig=api-secret";
type Envelope = { error: { code: string; message: string; details: { field: string; issue: string }[] } };

let o: TestOrg;
let adminCookie: string;
let leadCookie: string;
let otherLeadCookie: string;
let token: string;

function call(method: string, path: string, auth: { cookie?: string; token?: string }, body?: unknown) {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = `__Host-mv_session=${auth.cookie}`;
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (method !== "GET") headers["content-type"] = "application/json";
  return exports.default.fetch(`${BASE}/api/orgs/${o.admin.org.slug}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The channels' receiver: the Worker's outgoing fetch, recorded; answers the statuses given, then 200. */
function receiver(statuses: number[] = []) {
  const received: { url: string; body: unknown }[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    received.push({ url: String(input), body: JSON.parse(String(init?.body)) });
    return new Response("ok", { status: statuses.shift() ?? 200 });
  });
  return received;
}

beforeAll(async () => {
  o = await createTestOrg(env.DB, { teams: 2 });
  adminCookie = await sessionCookieFor(env.DB, o.admin);
  leadCookie = await sessionCookieFor(env.DB, o.leads[0]);
  otherLeadCookie = await sessionCookieFor(env.DB, o.leads[1]);
  token = (await createApiToken(env.DB, o.admin, { name: "Channel script", scope: "write", expiresInDays: null }, new Date())).token;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("a team's channel through the API", () => {
  it("lets the team's lead connect, read, test and remove it; answers hosts only, in camelCase", async () => {
    const team = o.teamIds[0];
    const put = await call("PUT", `/teams/${team}/chat-channel`, { cookie: leadCookie }, { kind: "slack", url: SLACK });
    expect(put.status).toBe(200);
    const channel = { scope: "team", team: { id: team, name: "Team 1" }, kind: "slack", host: "hooks.slack.com" };
    expect(await put.json()).toMatchObject({ ...channel, lastPostedAt: null, lastError: null, lastErrorAt: null });
    const got = await call("GET", `/teams/${team}/chat-channel`, { cookie: leadCookie });
    expect(await got.json()).toMatchObject(channel);

    const received = receiver([502]);
    const failed = await call("POST", `/teams/${team}/chat-channel/test`, { cookie: leadCookie }, {});
    expect([failed.status, await failed.json()]).toEqual([200, { posted: false, error: "The channel answered 502." }]);
    const ok = await call("POST", `/teams/${team}/chat-channel/test`, { cookie: leadCookie }, {});
    expect(await ok.json()).toEqual({ posted: true, error: null });
    expect(received.map((r) => r.url)).toEqual([SLACK, SLACK]);
    expect(received[0].body).toMatchObject({ blocks: [{ type: "section" }, { type: "actions" }] });

    const list = await call("GET", "/chat-channels", { cookie: adminCookie });
    const text = await list.text();
    expect(JSON.parse(text)).toMatchObject({ org: null, teams: [{ ...channel, lastError: null }] });
    expect(text).not.toContain("api-secret");

    expect((await call("DELETE", `/teams/${team}/chat-channel`, { cookie: leadCookie })).status).toBe(204);
    expect((await call("DELETE", `/teams/${team}/chat-channel`, { cookie: leadCookie })).status).toBe(404);
    expect((await call("GET", `/teams/${team}/chat-channel`, { cookie: leadCookie })).status).toBe(404);
  });

  it("refuses a URL of the wrong service with 400 and the reason on url, and another team's lead with 403", async () => {
    const team = o.teamIds[0];
    const bad = await call("PUT", `/teams/${team}/chat-channel`, { cookie: leadCookie }, { kind: "slack", url: TEAMS });
    expect(bad.status).toBe(400);
    const envelope = (await bad.json()) as Envelope;
    expect(envelope.error.code).toBe("validation_failed");
    expect(envelope.error.details).toEqual([{ field: "url", issue: expect.stringContaining("https://hooks.slack.com/") }]);
    for (const body of [{ kind: "irc", url: SLACK }, {}, "text"]) {
      expect((await call("PUT", `/teams/${team}/chat-channel`, { cookie: leadCookie }, body)).status).toBe(400);
    }
    const other = await call("PUT", `/teams/${team}/chat-channel`, { cookie: otherLeadCookie }, { kind: "slack", url: SLACK });
    expect(other.status).toBe(403);
    expect((await call("GET", `/teams/${team}/chat-channel`, { cookie: otherLeadCookie })).status).toBe(403);
    expect((await call("GET", "/chat-channels", { cookie: leadCookie })).status).toBe(403);
  });
});

describe("the org's channel through the API", () => {
  it("is connected, replaced, tested and removed by an admin; a lead gets 403", async () => {
    expect((await call("PUT", "/chat-channel", { cookie: leadCookie }, { kind: "slack", url: SLACK })).status).toBe(403);
    expect((await call("PUT", "/chat-channel", { cookie: adminCookie }, { kind: "slack", url: SLACK })).status).toBe(200);
    const replaced = await call("PUT", "/chat-channel", { cookie: adminCookie }, { kind: "teams", url: TEAMS });
    expect(await replaced.json()).toMatchObject({ scope: "org", team: null, kind: "teams", host: "prod-1.westus.logic.azure.com" });
    const received = receiver();
    expect(await (await call("POST", "/chat-channel/test", { cookie: adminCookie }, {})).json()).toEqual({ posted: true, error: null });
    expect(received[0].url).toBe(TEAMS);
    expect((received[0].body as { attachments: { content: { version: string } }[] }).attachments[0].content.version).toBe("1.4");
    expect((await call("POST", "/chat-channel/test", { cookie: leadCookie }, {})).status).toBe(403);
    const list = (await (await call("GET", "/chat-channels", { cookie: adminCookie })).json()) as { org: { kind: string } | null };
    expect(list.org?.kind).toBe("teams");
    expect((await call("DELETE", "/chat-channel", { cookie: leadCookie })).status).toBe(403);
    expect((await call("DELETE", "/chat-channel", { cookie: adminCookie })).status).toBe(204);
    expect((await call("DELETE", "/chat-channel", { cookie: adminCookie })).status).toBe(404);
  });

  it("reads with a token but manages only signed in, so a leaked token cannot point a channel elsewhere", async () => {
    expect((await call("GET", "/chat-channels", { token })).status).toBe(200);
    for (const [method, path] of [
      ["PUT", "/chat-channel"],
      ["PUT", `/teams/${o.teamIds[0]}/chat-channel`],
    ] as const) {
      const res = await call(method, path, { token }, { kind: "slack", url: SLACK });
      expect(res.status).toBe(403);
      expect(((await res.json()) as Envelope).error.message).toContain("signed in");
    }
    expect((await call("GET", "/chat-channels", { cookie: adminCookie })).status).toBe(200);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM chat_channels WHERE org_id = ?1").bind(o.admin.org.id).first<number>("n")).toBe(
      0,
    );
  });
});

import { env, exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { campaignRouteIds } from "../../../tests/support/campaign-fixtures";
import {
  ORG_API_ROUTES,
  routeApiTokenId,
  routeBoostId,
  routeChatChannels,
  routeWebhookIds,
  type RouteIds,
} from "../../../tests/support/org-api-routes";
import { createTestOrg, sessionCookieFor, type TestOrg } from "../../../tests/support/org-fixtures";
import { pulseTokenFor, voteSubmissionId } from "../../../tests/support/pulse-fixtures";
import { submissionId, uniformAnswers } from "../../../tests/support/scorecard-fixtures";
import { closeCampaignOf } from "../../services/campaigns";
import { createWave, moveWaveTo } from "../../services/waves";
import { app } from "../app";
import { ErrorEnvelope } from "./common";
import { openApiDocument, openApiPath } from "./document";
import { OPERATIONS, type Operation } from "./operations";

const BASE = "https://mistvine.test";

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

/**
 * Whether `body` is exactly what `schema` documents: zod drops keys a schema does not name, so
 * an answer with an undocumented field parses to something smaller than itself.
 */
function expectDocumented(schema: z.ZodType, body: unknown, label: string) {
  const parsed = schema.safeParse(body);
  expect(parsed.success ? "" : `${label}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`).toBe("");
  expect(parsed.data, `${label}: fields the contract does not document`).toEqual(body);
}

function operationOf(method: string, pattern: string): Operation {
  const op = OPERATIONS.find((o) => o.method === method && o.path === pattern);
  if (!op) throw new Error(`${method} ${pattern} is not in OPERATIONS`);
  return op;
}

async function call(method: string, path: string, cookie: string, body?: unknown) {
  return exports.default.fetch(`${BASE}${path}`, {
    method,
    headers: {
      cookie: `__Host-mv_session=${cookie}`,
      ...(method === "GET" || method === "DELETE" ? {} : { "content-type": "application/json" }),
    },
    body: method === "GET" || method === "DELETE" ? undefined : JSON.stringify(body ?? {}),
  });
}

/** Checks one answer against the operation: a documented status, and a body exactly as documented. */
async function expectAnswerDocumented(op: Operation, res: Response, label: string): Promise<boolean> {
  const answer = op.answers.find((a) => a.status === res.status);
  const text = await res.text();
  if (!answer) {
    expect(res.status, `${label}: ${text}`).toBeGreaterThanOrEqual(400);
    expectDocumented(ErrorEnvelope, JSON.parse(text), label);
    return false;
  }
  if (answer.schema) {
    const body = JSON.parse(text) as unknown;
    expectDocumented(answer.schema, body, label);
    expect(
      keysOf(body).filter((k) => k.includes("_") && !/^[A-Za-z0-9_-]{22}$/.test(k)),
      `${label}: snake_case keys`,
    ).toEqual([]);
  } else if (answer.media) {
    expect(res.headers.get("content-type")).toContain(answer.media);
  } else {
    expect(text).toBe("");
  }
  return true;
}

describe("the OpenAPI contract", () => {
  it("documents every route the app serves, and serves every route it documents", () => {
    const served = new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    const documented = new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`));
    expect([...served].filter((r) => !documented.has(r)).sort(), "served but not documented").toEqual([]);
    expect([...documented].filter((r) => !served.has(r)).sort(), "documented but not served").toEqual([]);
    expect(documented.size).toBe(OPERATIONS.length);
  });

  it("is served at /api/openapi.json as OpenAPI 3.1 with every path, its bodies and the error envelope", async () => {
    const res = await exports.default.fetch(`${BASE}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    for (const op of OPERATIONS) {
      const entry = doc.paths[openApiPath(op.path)]?.[op.method.toLowerCase()];
      expect(entry, `${op.method} ${op.path}`).toBeDefined();
      expect(Boolean(entry.requestBody), `${op.method} ${op.path} request body`).toBe(Boolean(op.body));
      expect(Object.keys(entry.responses)).toContain("default");
    }
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Error", "Boost", "Board", "TeamPage", "CampaignResult"]));
    // Every $ref points at a component that exists.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const id = ref.slice(8, -1).replace("#/components/schemas/", "");
      expect(doc.components.schemas, ref).toHaveProperty([id]);
    }
  });

  describe("every org route answers exactly as documented", () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });
    // A fresh org per route, so a DELETE or a state change does not break the routes after it.
    // Steps only possible between waves run on an org whose wave has not started.
    const BETWEEN_WAVES = new Set([
      "PATCH /api/orgs/:org/teams/:team",
      "POST /api/orgs/:org/waves/:wave/activate",
      "PUT /api/orgs/:org/teams/:team/pulse-mode",
      "PUT /api/orgs/:org/anonymity",
    ]);
    it.each(ORG_API_ROUTES.map((r) => [`${r.method} ${r.pattern}`, r] as const))("%s", async (label, route) => {
      const org: TestOrg = await createTestOrg(env.DB, { teams: 2, activate: !BETWEEN_WAVES.has(label) });
      const ids: RouteIds = {
        keyResultId: (await env.DB.prepare("SELECT id FROM key_results WHERE objective_id = ?1")
          .bind(org.teamObjectiveIds[0])
          .first<{ id: string }>())!.id,
        boostId: await routeBoostId(org, env.DB),
        apiTokenId: await routeApiTokenId(org, env.DB),
        ...(await routeWebhookIds(org, env.DB)),
        ...(await campaignRouteIds(env.DB, org.admin)),
      };
      await routeChatChannels(org, env.DB);
      // A test message goes to a local receiver, never to Slack.
      if (label.endsWith("/chat-channel/test")) vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("ok"));
      let body = route.body?.(org, ids);
      if (label === "POST /api/orgs/:org/campaigns") await closeCampaignOf(env.DB, org.admin, ids.campaignId, new Date(), BASE);
      if (label === "POST /api/orgs/:org/carry-overs") {
        await moveWaveTo(env.DB, org.admin, org.waveId, "completed", new Date());
        const next = await createWave(env.DB, org.admin, { name: "Wave 2", startsOn: "2026-12-07", endsOn: "2026-12-20" }, new Date());
        body = { objectiveId: org.orgObjectiveIds[0], targetWaveId: next.id };
      }
      const op = operationOf(route.method, route.pattern);
      const path = route.path(org, ids);
      let res = await call(route.method, path, await sessionCookieFor(env.DB, org.admin), body);
      // Lead-only steps (asking for a boost, writing the team's PPP) as the team's lead.
      if (res.status === 403) res = await call(route.method, path, await sessionCookieFor(env.DB, org.leads[0]), body);
      if (res.status === 403) res = await call(route.method, path, await sessionCookieFor(env.DB, org.leads[1]), body);
      const succeeded = await expectAnswerDocumented(op, res.clone(), label);
      expect(succeeded, `${label} answered ${res.status}: ${await res.text()}`).toBe(true);
    });
  });

  describe("the public routes answer exactly as documented", () => {
    async function publicCall(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await exports.default.fetch(`${BASE}${path}`, {
        method,
        headers: {
          "cf-connecting-ip": `203.0.113.${(n = (n % 250) + 1)}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const pattern = app.routes.find(
        (r) => r.method === method && new RegExp(`^${r.path.replace(/:[A-Za-z]+/g, "[^/]+").replace(/\./g, "\\.")}$`).test(path),
      )!.path;
      expect(
        await expectAnswerDocumented(operationOf(method, pattern), res.clone(), `${method} ${path}`),
        `${method} ${path} answered ${res.status}`,
      ).toBe(true);
      return res;
    }
    let n = 0;

    it("health, the Scorecard, sign-in and org creation", async () => {
      await publicCall("GET", "/api/health");
      await publicCall("GET", "/api/scorecard/statements");
      await publicCall("GET", "/api/scorecard/benchmark");
      const answers = uniformAnswers(4);
      const first = await publicCall("POST", "/api/scorecard/results", { submissionId: submissionId("contract"), answers });
      const { id } = (await first.json()) as { id: string };
      await publicCall("GET", `/api/scorecard/results/${id}`);
      await publicCall("POST", `/api/scorecard/results/${id}/email`, {
        email: "someone@example.com",
        submissionId: submissionId("contract-mail"),
      });
      await publicCall("POST", "/api/sign-in", { email: "nobody@example.com" });
      await publicCall("POST", "/api/orgs", {
        orgName: "Contract Co",
        slug: `contract-${Date.now().toString(36)}`,
        timeZone: "UTC",
        name: "Founder",
        email: "founder@example.com",
      });
    });

    it("the anonymous pulse: the page a link opens and a vote", async () => {
      const monday = new Date();
      monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
      const org = await createTestOrg(env.DB, { teams: 1, now: new Date(), startsOn: monday.toISOString().slice(0, 10) });
      const token = await pulseTokenFor(env.DB, org.leads[0], org.teamIds[0], new Date());
      await publicCall("GET", `/api/pulse/${token}`);
      const vote = await publicCall("POST", `/api/pulse/${token}/votes`, {
        submissionId: voteSubmissionId(),
        votes: [{ objectiveId: org.teamObjectiveIds[0], score: 4 }],
      });
      expect(vote.status).toBe(201);
    });
  });
});

import { env, exports } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestOrg, declareTeam, sessionCookieFor, type TestOrg } from "../../tests/support/org-fixtures";
import { ballots, pulseTokenFor, voteAsTeam } from "../../tests/support/pulse-fixtures";
import { getPulseReadView } from "./sentiment";
import { MAX_WEBHOOK_ATTEMPTS } from "../../src/domain/webhooks";
import { acceptBoost, createBoost, resolveBoost } from "./boosts";
import { checkIn } from "./objectives";
import {
  createWebhookEndpoint,
  deliverWebhook,
  flushWebhooks,
  listWebhookEndpoints,
  resendWebhookDelivery,
  type WebhookFetch,
} from "./webhooks";

const NOW = new Date("2026-11-20T10:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A receiver that records every request and answers with the next status in `statuses` (200 once they run out). */
function receiver(statuses: number[] = []): { send: WebhookFetch; received: Received[] } {
  const received: Received[] = [];
  const send: WebhookFetch = async (url, init) => {
    received.push({ url, headers: Object.fromEntries(new Headers(init.headers).entries()), body: String(init.body) });
    return new Response("ok", { status: statuses.shift() ?? 200 });
  };
  return { send, received };
}

const krOf = async (o: TestOrg) =>
  (await env.DB.prepare("SELECT id, title FROM key_results WHERE objective_id = ?1")
    .bind(o.teamObjectiveIds[0])
    .first<{ id: string; title: string }>())!;
const deliveriesOf = async (endpointId: string) =>
  (
    await env.DB.prepare(
      "SELECT id, status, attempts, event_type, message_id, payload, next_attempt_at, last_status FROM webhook_deliveries WHERE endpoint_id = ?1 ORDER BY id",
    )
      .bind(endpointId)
      .all<{
        id: number;
        status: string;
        attempts: number;
        event_type: string;
        message_id: string;
        payload: string;
        next_attempt_at: string;
        last_status: number | null;
      }>()
  ).results;

let o: TestOrg;
beforeEach(async () => {
  // The queue is global (one flush serves every org): start each test with it empty.
  await env.DB.prepare("DELETE FROM webhook_deliveries").run();
  o = await createTestOrg(env.DB, { teams: 2, now: NOW });
});

describe("webhook endpoints", () => {
  it("shows the secret once and never lists it", async () => {
    const created = await createWebhookEndpoint(
      env.DB,
      o.admin,
      { url: "https://hooks.example.com/a", events: ["kr.checked_in", "kr.checked_in"] },
      NOW,
    );
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.events).toEqual(["kr.checked_in"]);
    const listed = await listWebhookEndpoints(env.DB, o.admin);
    expect(listed).toEqual([
      { id: created.id, url: "https://hooks.example.com/a", events: ["kr.checked_in"], createdAt: NOW.toISOString(), deliveries: [] },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
  });

  it("refuses unknown events, no events and a URL that is not one, field by field", async () => {
    await expect(createWebhookEndpoint(env.DB, o.admin, { url: "hooks", events: [] }, NOW)).rejects.toMatchObject({
      status: 400,
      details: expect.arrayContaining([expect.objectContaining({ field: "events" })]),
    });
    await expect(
      createWebhookEndpoint(env.DB, o.admin, { url: "https://hooks.example.com", events: ["pulse.votes"] }, NOW),
    ).rejects.toMatchObject({ status: 400 });
    await expect(createWebhookEndpoint(env.DB, o.admin, { url: "hooks", events: ["boost.created"] }, NOW)).rejects.toMatchObject({
      status: 400,
      details: [{ field: "url", issue: expect.stringContaining("full URL") }],
    });
  });

  it("is for admins only", async () => {
    await expect(
      createWebhookEndpoint(env.DB, o.leads[0], { url: "https://hooks.example.com/a", events: ["boost.created"] }, NOW),
    ).rejects.toMatchObject({ status: 403 });
    await expect(listWebhookEndpoints(env.DB, o.leads[0])).rejects.toMatchObject({ status: 403 });
  });
});

describe("deliveries", () => {
  it("delivers a check-in signed as Standard Webhooks says, verified by the reference implementation", async () => {
    const { id, secret } = await createWebhookEndpoint(
      env.DB,
      o.admin,
      { url: "https://hooks.example.com/okr", events: ["kr.checked_in"] },
      NOW,
    );
    const kr = await krOf(o);
    await checkIn(env.DB, o.leads[0], kr.id, { value: 30, note: "Halfway there", confidence: 4 }, NOW);
    const { send, received } = receiver();
    // The reference implementation checks the timestamp against the real clock: send at the real now.
    expect(await flushWebhooks(env.DB, send, new Date())).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r.url).toBe("https://hooks.example.com/okr");
    expect(r.headers["content-type"]).toBe("application/json");
    const verified = new Webhook(secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> };
    expect(verified).toMatchObject({
      type: "kr.checked_in",
      data: {
        org: { slug: o.admin.org.slug },
        keyResult: { id: kr.id, title: kr.title, teamId: o.teamIds[0] },
        checkIn: { value: 30, note: "Halfway there", confidence: 4, by: "Lead 1" },
      },
    });
    expect(() => new Webhook(`whsec_${btoa("another secret of 32 bytes......")}`).verify(r.body, r.headers)).toThrow();
    expect(() => new Webhook(secret).verify(r.body.replace("Halfway", "Nearly"), r.headers)).toThrow();
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: "delivered", attempts: 1, last_status: 200 });
  }, 20_000);

  it("queues one delivery per event and endpoint, only to endpoints that listen to it", async () => {
    const okr = await createWebhookEndpoint(env.DB, o.admin, { url: "https://hooks.example.com/okr", events: ["kr.checked_in"] }, NOW);
    const boosts = await createWebhookEndpoint(
      env.DB,
      o.admin,
      { url: "https://hooks.example.com/boosts", events: ["boost.created", "boost.accepted", "boost.resolved"] },
      NOW,
    );
    const boost = await createBoost(
      env.DB,
      o.leads[0],
      { toTeamId: o.teamIds[1], need: "Review our rollout plan", neededBy: "2026-11-27", objectiveId: o.teamObjectiveIds[0] },
      "https://mistvine.test",
      NOW,
    );
    await acceptBoost(env.DB, o.leads[1], boost.id, "https://mistvine.test", later(1));
    await resolveBoost(env.DB, o.leads[0], boost.id, "https://mistvine.test", later(2));
    expect(await deliveriesOf(okr.id)).toEqual([]);
    const queued = await deliveriesOf(boosts.id);
    expect(queued.map((d) => d.event_type)).toEqual(["boost.created", "boost.accepted", "boost.resolved"]);
    expect(JSON.parse(queued[1].payload)).toMatchObject({
      type: "boost.accepted",
      data: { boost: { id: boost.id, state: "accepted", helperTeam: { id: o.teamIds[1], name: "Team 2" } } },
    });
    expect(new Set(queued.map((d) => d.message_id)).size).toBe(3);

    // The same event again (a job run twice, a retried request) queues nothing new.
    const { emitWebhookEvent } = await import("./webhooks");
    await emitWebhookEvent(env.DB, o.admin.org.id, "pulse.week_published", "w1", { week: "2026-11-16" }, NOW);
    const pulse = await createWebhookEndpoint(
      env.DB,
      o.admin,
      { url: "https://hooks.example.com/pulse", events: ["pulse.week_published"] },
      NOW,
    );
    await emitWebhookEvent(env.DB, o.admin.org.id, "pulse.week_published", "w2", { week: "2026-11-23" }, NOW);
    await emitWebhookEvent(env.DB, o.admin.org.id, "pulse.week_published", "w2", { week: "2026-11-23" }, later(5));
    expect((await deliveriesOf(pulse.id)).length).toBe(1);
  });

  it("retries a failing endpoint with backoff, then marks it failed; a resend goes again with the same webhook-id", async () => {
    const { id } = await createWebhookEndpoint(env.DB, o.admin, { url: "https://hooks.example.com/flaky", events: ["kr.checked_in"] }, NOW);
    await checkIn(
      env.DB,
      o.admin,
      (await env.DB.prepare("SELECT k.id FROM key_results k JOIN objectives ob ON ob.id = k.objective_id WHERE ob.id = ?1")
        .bind(o.orgObjectiveIds[0])
        .first<{ id: string }>())!.id,
      { value: 25 },
      NOW,
    );
    const { send, received } = receiver(Array(MAX_WEBHOOK_ATTEMPTS).fill(503));
    expect(await flushWebhooks(env.DB, send, NOW)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect((await deliveriesOf(id))[0]).toMatchObject({
      status: "queued",
      attempts: 1,
      last_status: 503,
      next_attempt_at: later(1).toISOString(),
    });
    // Not due yet: nothing is sent.
    expect(await flushWebhooks(env.DB, send, later(0.5))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    let at = 1;
    for (const step of [2, 4, 8, 16]) {
      expect((await flushWebhooks(env.DB, send, later(at))).retrying).toBe(1);
      at += step;
    }
    expect(await flushWebhooks(env.DB, send, later(at))).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect(received).toHaveLength(MAX_WEBHOOK_ATTEMPTS);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: "failed", attempts: MAX_WEBHOOK_ATTEMPTS });
    expect(await flushWebhooks(env.DB, send, later(600))).toEqual({ delivered: 0, retrying: 0, failed: 0 });

    const [delivery] = await deliveriesOf(id);
    const resent = await resendWebhookDelivery(env.DB, o.admin, send, id, String(delivery.id), later(700));
    expect(resent).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200 });
    expect(new Set(received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery.message_id]));
    await expect(resendWebhookDelivery(env.DB, o.leads[0], send, id, String(delivery.id), later(700))).rejects.toMatchObject({
      status: 403,
    });
    const other = await createTestOrg(env.DB, { teams: 1, now: NOW });
    await expect(resendWebhookDelivery(env.DB, other.admin, send, id, String(delivery.id), later(700))).rejects.toMatchObject({
      status: 404,
    });
  });

  it("sends a delivery once when two flushes race for it", async () => {
    await createWebhookEndpoint(env.DB, o.admin, { url: "https://hooks.example.com/race", events: ["kr.checked_in"] }, NOW);
    await checkIn(env.DB, o.leads[0], (await krOf(o)).id, { value: 10 }, NOW);
    const { send, received } = receiver();
    const [id] = (
      await env.DB.prepare("SELECT id FROM webhook_deliveries WHERE org_id = ?1").bind(o.admin.org.id).all<{ id: number }>()
    ).results.map((r) => r.id);
    const outcomes = await Promise.all([
      deliverWebhook(env.DB, send, id, NOW),
      deliverWebhook(env.DB, send, id, NOW),
      deliverWebhook(env.DB, send, id, NOW),
    ]);
    expect(outcomes.sort()).toEqual(["delivered", "skipped", "skipped"]);
    expect(received).toHaveLength(1);
  });

  it("records an endpoint that cannot be reached as a failed attempt, never an error for the person who made the change", async () => {
    const { id } = await createWebhookEndpoint(env.DB, o.admin, { url: "https://hooks.example.com/down", events: ["kr.checked_in"] }, NOW);
    await checkIn(env.DB, o.leads[0], (await krOf(o)).id, { value: 11 }, NOW);
    const down: WebhookFetch = async () => {
      throw new TypeError("connection refused");
    };
    expect(await flushWebhooks(env.DB, down, NOW)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(await env.DB.prepare("SELECT last_error, last_status FROM webhook_deliveries WHERE endpoint_id = ?1").bind(id).first()).toEqual({
      last_error: "The endpoint could not be reached.",
      last_status: null,
    });
  });
});

describe("pulse.week_published", () => {
  it("carries the week's published cells, exactly as the API shows them, once, with small teams still hidden", async () => {
    const p = await createTestOrg(env.DB, { teams: 3 });
    for (const [i, size] of [9, 6, 3].entries()) await declareTeam(env.DB, p.teamIds[i], { name: `Team ${i + 1}`, declaredSize: size });
    const { id } = await createWebhookEndpoint(
      env.DB,
      p.admin,
      { url: "https://hooks.example.com/pulse", events: ["pulse.week_published"] },
      NOW,
    );
    const tokens = await Promise.all(p.teamIds.map((t) => pulseTokenFor(env.DB, p.admin, t)));
    const W1 = new Date("2026-11-04T12:00:00Z");
    await voteAsTeam(env.DB, tokens[0], ballots(8, [p.teamObjectiveIds[0]], 4), W1);
    await voteAsTeam(env.DB, tokens[1], ballots(6, [p.teamObjectiveIds[1]], 2), W1);
    await voteAsTeam(env.DB, tokens[2], ballots(3, [p.teamObjectiveIds[2]], 1), W1);

    // While the week runs, reading publishes nothing and queues nothing.
    await getPulseReadView(env.DB, p.admin, null, new Date("2026-11-06T12:00:00Z"));
    expect(await deliveriesOf(id)).toEqual([]);

    const AFTER = new Date("2026-11-10T13:00:00Z");
    await getPulseReadView(env.DB, p.admin, null, AFTER);
    await getPulseReadView(env.DB, p.admin, null, new Date("2026-11-11T13:00:00Z"));
    const queued = await deliveriesOf(id);
    expect(queued).toHaveLength(1);
    const event = JSON.parse(queued[0].payload) as {
      type: string;
      data: { week: string; k: number; allTeams: unknown; teams: { id: string; cell: unknown }[] };
    };
    expect(event.type).toBe("pulse.week_published");
    expect(event.data.week).toBe("2026-11-02");

    const cookie = await sessionCookieFor(env.DB, p.admin);
    const api = (await (
      await exports.default.fetch(`https://mistvine.test/api/orgs/${p.admin.org.slug}/pulse`, {
        headers: { cookie: `__Host-mv_session=${cookie}` },
      })
    ).json()) as { k: number; weeks: string[]; org: { rows: { key: string; cells: unknown[] }[]; total: { cells: unknown[] } } };
    const i = api.weeks.indexOf("2026-11-02");
    expect(event.data.k).toBe(api.k);
    expect(event.data.allTeams).toEqual(api.org.total.cells[i]);
    expect(event.data.teams.map((t) => [t.id, t.cell])).toEqual(api.org.rows.map((r) => [r.key, r.cells[i]]));
    expect(event.data.teams.find((t) => t.id === p.teamIds[2])?.cell).toEqual({ state: "suppressed" });
    expect(queued[0].payload).not.toMatch(/"score"|"comment"|credential/);
  });
});

describe("the hourly job", () => {
  it("forgets finished deliveries after 30 days and keeps queued ones", async () => {
    const { runFlushWebhooks } = await import("../jobs/flush-webhooks");
    const { id } = await createWebhookEndpoint(env.DB, o.admin, { url: "https://hooks.example.com/old", events: ["kr.checked_in"] }, NOW);
    const insert = (status: string, createdAt: string, due: string) =>
      env.DB.prepare(
        "INSERT INTO webhook_deliveries (endpoint_id, org_id, message_id, event_type, payload, status, next_attempt_at, created_at) VALUES (?1, ?2, ?3, 'kr.checked_in', '{}', ?4, ?5, ?6)",
      )
        .bind(id, o.admin.org.id, `msg_${status}_${createdAt}`, status, due, createdAt)
        .run();
    await insert("delivered", "2026-10-01T00:00:00.000Z", "2026-10-01T00:00:00.000Z");
    await insert("failed", "2026-10-02T00:00:00.000Z", "2026-10-02T00:00:00.000Z");
    await insert("delivered", "2026-11-19T00:00:00.000Z", "2026-11-19T00:00:00.000Z");
    await insert("queued", "2026-10-03T00:00:00.000Z", "2099-01-01T00:00:00.000Z");
    expect(await runFlushWebhooks(env, NOW)).toEqual({ delivered: 0, retrying: 0, failed: 0, purged: 2 });
    expect((await deliveriesOf(id)).map((d) => d.status)).toEqual(["delivered", "queued"]);
  });
});

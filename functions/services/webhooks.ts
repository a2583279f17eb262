/**
 * Signed webhooks (Standard Webhooks, https://www.standardwebhooks.com/): admins register
 * endpoints for events; each event queues one delivery per subscribed endpoint (idempotent per
 * event and endpoint), which is claimed, signed with HMAC-SHA256 and sent, and retried with
 * backoff like the email outbox. Headers: webhook-id (the same on every attempt and resend, so
 * a receiver can drop repeats), webhook-timestamp (seconds), webhook-signature ("v1,<base64>").
 *
 * What a payload holds is what the org's admins see on their pages: ids, names and values of
 * OKR, PPP, boost and campaign events, and for pulse weeks only figures already published
 * through the one publication model. Payloads are built by the callers from what the services
 * return, never from raw votes or responses.
 */
import { isWebhookEvent, nextWebhookRetryAt, signedContent, webhookUrlProblem, type WebhookEvent } from "../../src/domain/webhooks";
import { webhookEndpointSchema } from "../../src/schemas/webhooks";
import {
  claimWebhookDelivery,
  deleteWebhookEndpoint,
  enqueueWebhookEventStatement,
  findWebhookDelivery,
  insertWebhookEndpoint,
  listDueWebhookDeliveryIds,
  listWebhooks,
  listWebhooksStatements,
  markWebhookAttemptFailed,
  markWebhookDelivered,
  requeueWebhookDelivery,
  type WebhookDeliveryRow,
  type WebhookDeliveryStatus,
  type WebhookEndpointRow,
} from "../db/webhooks";
import { requireAdmin, type OrgAccess } from "./access";
import { notFound, validationFailed } from "./errors";
import { randomToken, sha256Hex } from "./tokens";
import { parseInput } from "./validate";

const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const RECENT_DELIVERIES = 20;
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Sends a delivery; the Worker's fetch in production, a stub in tests. */
export type WebhookFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Production builds refuse http and private addresses; local builds (dev, tests) allow them. */
const production = () => !__MISTVINE_LOCAL__;

export interface WebhookDeliveryView {
  id: number;
  messageId: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

export interface WebhookEndpointView {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: string;
  deliveries: WebhookDeliveryView[];
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Registers an endpoint; the answer carries its signing secret, once. Admins only. */
export async function createWebhookEndpoint(
  db: D1Database,
  access: OrgAccess,
  input: unknown,
  now: Date,
): Promise<{ id: string; url: string; events: WebhookEvent[]; secret: string }> {
  requireAdmin(access);
  const data = parseInput(webhookEndpointSchema, input);
  const problem = webhookUrlProblem(data.url, production());
  if (problem) throw validationFailed([{ field: "url", issue: problem }]);
  const events = [...new Set(data.events)];
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const secret = `whsec_${base64(bytes)}`;
  const id = randomToken(16);
  await insertWebhookEndpoint(db, {
    id,
    org_id: access.org.id,
    url: data.url,
    events: JSON.stringify(events),
    secret,
    created_by: access.viewer.personId,
    created_at: now.toISOString(),
  });
  return { id, url: data.url, events, secret };
}

export async function deleteWebhookEndpointOf(db: D1Database, access: OrgAccess, endpointId: string, now: Date): Promise<void> {
  requireAdmin(access);
  const found = ID_PATTERN.test(endpointId) && (await deleteWebhookEndpoint(db, access.org.id, endpointId, now.toISOString()));
  if (!found) throw notFound("That webhook endpoint");
}

function deliveryView(d: Awaited<ReturnType<typeof listWebhooks>>["deliveries"][number]): WebhookDeliveryView {
  return {
    id: d.id,
    messageId: d.message_id,
    event: d.event_type,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.last_status,
    lastError: d.last_error,
    createdAt: d.created_at,
    deliveredAt: d.delivered_at,
    nextAttemptAt: d.status === "queued" ? d.next_attempt_at : null,
  };
}

/** The org's endpoints (never their secrets), each with its latest deliveries. One round trip. Admins only. */
export async function listWebhookEndpoints(db: D1Database, access: OrgAccess): Promise<WebhookEndpointView[]> {
  requireAdmin(access);
  return webhookEndpointViews(await listWebhooks(db, access.org.id, RECENT_DELIVERIES));
}

/** The reads behind listWebhookEndpoints, for a caller's batch (answer them with webhookEndpointViews). */
export function webhookEndpointStatements(db: D1Database, orgId: string) {
  return listWebhooksStatements(db, orgId, RECENT_DELIVERIES);
}

export function webhookEndpointViews({
  endpoints,
  deliveries,
}: {
  endpoints: WebhookEndpointRow[];
  deliveries: WebhookDeliveryRow[];
}): WebhookEndpointView[] {
  return endpoints.map((e) => ({
    id: e.id,
    url: e.url,
    events: (JSON.parse(e.events) as string[]).filter(isWebhookEvent),
    createdAt: e.created_at,
    deliveries: deliveries.filter((d) => d.endpoint_id === e.id).map(deliveryView),
  }));
}

/** The statement that queues an event for every subscribed endpoint; put it in the batch of the change it reports. */
export async function webhookEventStatement(
  db: D1Database,
  orgId: string,
  type: WebhookEvent,
  key: string,
  data: Record<string, unknown>,
  now: Date,
): Promise<D1PreparedStatement> {
  const messageId = `msg_${(await sha256Hex(`${orgId}:${type}:${key}`)).slice(0, 32)}`;
  const payload = JSON.stringify({ type, timestamp: now.toISOString(), data });
  return enqueueWebhookEventStatement(db, orgId, messageId, type, payload, now.toISOString());
}

/**
 * Queues an event. `key` names the change (a check-in's id, a boost's id and state), so the
 * same change emitted twice is one delivery per endpoint. Never throws: a webhook problem must
 * not undo or fail the change a person just made (the change is already stored).
 */
export async function emitWebhookEvent(
  db: D1Database,
  orgId: string,
  type: WebhookEvent,
  key: string,
  data: Record<string, unknown>,
  now: Date,
): Promise<void> {
  try {
    await (await webhookEventStatement(db, orgId, type, key, data, now)).run();
  } catch (error) {
    console.error(JSON.stringify({ webhook: type, error: error instanceof Error ? error.message : String(error) }));
  }
}

/** The Standard Webhooks headers of a body signed with the endpoint's secret at `now`. */
export async function signWebhook(secret: string, messageId: string, body: string, now: Date): Promise<Record<string, string>> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const raw = Uint8Array.from(atob(secret.replace(/^whsec_/, "")), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(signedContent(messageId, timestamp, body))));
  return { "webhook-id": messageId, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${base64(mac)}` };
}

export type WebhookOutcome = "delivered" | "retrying" | "failed" | "skipped";

/** Sends one due delivery if this caller wins the claim; a 2xx answer is delivered, anything else is retried with backoff. */
export async function deliverWebhook(db: D1Database, send: WebhookFetch, id: number, now: Date): Promise<WebhookOutcome> {
  const row = await claimWebhookDelivery(db, id, now, new Date(now.getTime() + LEASE_MS));
  if (!row) return "skipped";
  let status: number | null = null;
  let error = "";
  const problem = webhookUrlProblem(row.url, production());
  if (problem) error = problem;
  else {
    try {
      const headers = {
        ...(await signWebhook(row.secret, row.message_id, row.payload, now)),
        "content-type": "application/json",
        "user-agent": "Mistvine-Webhooks/1",
      };
      // Redirects are not followed: a redirect could lead to an address we would refuse.
      const res = await send(row.url, {
        method: "POST",
        headers,
        body: row.payload,
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      await res.body?.cancel();
      if (res.ok) {
        await markWebhookDelivered(db, row.id, res.status, now);
        return "delivered";
      }
      error = `The endpoint answered ${res.status}.`;
    } catch (e) {
      error =
        e instanceof Error && e.name === "TimeoutError"
          ? "The endpoint did not answer within 10 seconds."
          : "The endpoint could not be reached.";
    }
  }
  const retryAt = nextWebhookRetryAt(row.attempts, now);
  await markWebhookAttemptFailed(db, row.id, status, error, retryAt);
  return retryAt ? "retrying" : "failed";
}

/** Sends every due delivery (up to `limit`), oldest first. Safe to run concurrently with itself. */
export async function flushWebhooks(
  db: D1Database,
  send: WebhookFetch,
  now: Date,
  limit = 100,
): Promise<Record<Exclude<WebhookOutcome, "skipped">, number>> {
  const result = { delivered: 0, retrying: 0, failed: 0 };
  for (const id of await listDueWebhookDeliveryIds(db, now, limit)) {
    const outcome = await deliverWebhook(db, send, id, now);
    if (outcome !== "skipped") result[outcome] += 1;
  }
  return result;
}

/** Sends a delivery again now, with the same webhook-id; answers its new state. Admins only. */
export async function resendWebhookDelivery(
  db: D1Database,
  access: OrgAccess,
  send: WebhookFetch,
  endpointId: string,
  deliveryId: string,
  now: Date,
): Promise<WebhookDeliveryView> {
  requireAdmin(access);
  const id = /^\d{1,15}$/.test(deliveryId) ? Number(deliveryId) : NaN;
  const requeued =
    ID_PATTERN.test(endpointId) && Number.isSafeInteger(id) && (await requeueWebhookDelivery(db, access.org.id, endpointId, id, now));
  if (!requeued) throw notFound("That webhook delivery");
  await deliverWebhook(db, send, id, now);
  const row = await findWebhookDelivery(db, access.org.id, id);
  if (!row) throw notFound("That webhook delivery");
  return deliveryView(row);
}

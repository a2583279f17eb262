import { batch, typed } from "./typed";

export type WebhookDeliveryStatus = "queued" | "sending" | "delivered" | "failed";

export interface WebhookEndpointRow {
  id: string;
  org_id: string;
  url: string;
  events: string;
  created_at: string;
}

export interface WebhookDeliveryRow {
  id: number;
  endpoint_id: string;
  org_id: string;
  message_id: string;
  event_type: string;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

const DELIVERY_COLUMNS =
  "id, endpoint_id, org_id, message_id, event_type, payload, status, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at";

export async function insertWebhookEndpoint(db: D1Database, e: WebhookEndpointRow & { secret: string; created_by: string }): Promise<void> {
  await db
    .prepare("INSERT INTO webhook_endpoints (id, org_id, url, events, secret, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    .bind(e.id, e.org_id, e.url, e.events, e.secret, e.created_by, e.created_at)
    .run();
}

export async function deleteWebhookEndpoint(db: D1Database, orgId: string, id: string, at: string): Promise<boolean> {
  const r = await db
    .prepare("UPDATE webhook_endpoints SET deleted_at = ?3 WHERE org_id = ?1 AND id = ?2 AND deleted_at IS NULL")
    .bind(orgId, id, at)
    .run();
  return r.meta.changes > 0;
}

/** The org's live endpoints and each one's latest `perEndpoint` deliveries, in one round trip. */
export async function listWebhooks(
  db: D1Database,
  orgId: string,
  perEndpoint: number,
): Promise<{ endpoints: WebhookEndpointRow[]; deliveries: WebhookDeliveryRow[] }> {
  const [endpoints, deliveries] = await batch(db, listWebhooksStatements(db, orgId, perEndpoint));
  return { endpoints: endpoints.results, deliveries: deliveries.results };
}

/** listWebhooks for a caller's batch: the endpoints, then their latest deliveries. */
export function listWebhooksStatements(db: D1Database, orgId: string, perEndpoint: number) {
  return [
    typed<WebhookEndpointRow>(
      db
        .prepare(
          "SELECT id, org_id, url, events, created_at FROM webhook_endpoints WHERE org_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
        )
        .bind(orgId),
    ),
    typed<WebhookDeliveryRow>(
      db
        .prepare(
          `SELECT ${DELIVERY_COLUMNS} FROM (
           SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.endpoint_id ORDER BY d.id DESC) AS n
           FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
           WHERE d.org_id = ?1 AND e.deleted_at IS NULL
         ) WHERE n <= ?2 ORDER BY id DESC`,
        )
        .bind(orgId, perEndpoint),
    ),
  ] as const;
}

/**
 * Queues one delivery of an event to every live endpoint of the org that subscribed to it.
 * A repeated message id (the same event emitted again) queues nothing.
 */
export function enqueueWebhookEventStatement(
  db: D1Database,
  orgId: string,
  messageId: string,
  eventType: string,
  payload: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO webhook_deliveries (endpoint_id, org_id, message_id, event_type, payload, next_attempt_at, created_at)
       SELECT e.id, e.org_id, ?2, ?3, ?4, ?5, ?5 FROM webhook_endpoints e
       WHERE e.org_id = ?1 AND e.deleted_at IS NULL AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE json_each.value = ?3)
       ON CONFLICT (endpoint_id, message_id) DO NOTHING`,
    )
    .bind(orgId, messageId, eventType, payload, at);
}

export async function listDueWebhookDeliveryIds(db: D1Database, now: Date, limit: number): Promise<number[]> {
  const at = now.toISOString();
  const { results } = await db
    .prepare(
      `SELECT id FROM webhook_deliveries
       WHERE (status = 'queued' AND next_attempt_at <= ?1) OR (status = 'sending' AND lease_until <= ?1)
       ORDER BY next_attempt_at, id LIMIT ?2`,
    )
    .bind(at, limit)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

export interface ClaimedDelivery extends WebhookDeliveryRow {
  url: string;
  secret: string;
}

/** Claims a due delivery until `leaseUntil`, with its endpoint's URL and secret; null when another run won it. */
export async function claimWebhookDelivery(db: D1Database, id: number, now: Date, leaseUntil: Date): Promise<ClaimedDelivery | null> {
  const at = now.toISOString();
  const [claimed, endpoint] = await db.batch([
    db
      .prepare(
        `UPDATE webhook_deliveries SET status = 'sending', lease_until = ?3, attempts = attempts + 1
         WHERE id = ?1 AND ((status = 'queued' AND next_attempt_at <= ?2) OR (status = 'sending' AND lease_until <= ?2))
         RETURNING ${DELIVERY_COLUMNS}`,
      )
      .bind(id, at, leaseUntil.toISOString()),
    db
      .prepare(
        "SELECT e.url, e.secret FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ?1 AND e.deleted_at IS NULL",
      )
      .bind(id),
  ]);
  const row = claimed.results[0] as WebhookDeliveryRow | undefined;
  const target = endpoint.results[0] as { url: string; secret: string } | undefined;
  return row && target ? { ...row, ...target } : null;
}

export async function markWebhookDelivered(db: D1Database, id: number, status: number, now: Date): Promise<void> {
  await db
    .prepare(
      "UPDATE webhook_deliveries SET status = 'delivered', delivered_at = ?2, last_status = ?3, last_error = NULL, lease_until = NULL WHERE id = ?1",
    )
    .bind(id, now.toISOString(), status)
    .run();
}

/** A failed attempt: queued again at `retryAt`, or failed for good when null. */
export async function markWebhookAttemptFailed(
  db: D1Database,
  id: number,
  status: number | null,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .prepare(
      "UPDATE webhook_deliveries SET status = ?2, next_attempt_at = COALESCE(?3, next_attempt_at), last_status = ?4, last_error = ?5, lease_until = NULL WHERE id = ?1",
    )
    .bind(id, retryAt ? "queued" : "failed", retryAt?.toISOString() ?? null, status, error.slice(0, 300))
    .run();
}

/** Queues a delivery of the org again, due now, with a fresh set of attempts; false when the org has no such delivery. */
export async function requeueWebhookDelivery(db: D1Database, orgId: string, endpointId: string, id: number, now: Date): Promise<boolean> {
  const r = await db
    .prepare(
      `UPDATE webhook_deliveries SET status = 'queued', attempts = 0, next_attempt_at = ?4, lease_until = NULL
       WHERE org_id = ?1 AND endpoint_id = ?2 AND id = ?3 AND status != 'sending'
         AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE deleted_at IS NULL)`,
    )
    .bind(orgId, endpointId, id, now.toISOString())
    .run();
  return r.meta.changes > 0;
}

export async function findWebhookDelivery(db: D1Database, orgId: string, id: number): Promise<WebhookDeliveryRow | null> {
  return db
    .prepare(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE org_id = ?1 AND id = ?2`)
    .bind(orgId, id)
    .first<WebhookDeliveryRow>();
}

/** Forgets finished deliveries created before `before` (the page shows only the latest ones). */
export async function purgeWebhookDeliveries(db: D1Database, before: string): Promise<number> {
  const r = await db
    .prepare("DELETE FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND created_at < ?1")
    .bind(before)
    .run();
  return r.meta.changes;
}

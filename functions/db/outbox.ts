import { typed, type Typed } from "./typed";
export type OutboxStatus = "queued" | "sending" | "sent" | "failed";

export interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  to_address: string;
  ephemeral_recipient: number;
  subject: string;
  html: string;
  text: string;
  headers: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  transport: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NewOutboxMessage {
  idempotencyKey: string;
  kind: string;
  to: string;
  ephemeralRecipient?: boolean;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** The email_subscriptions token this message is sent under; unsubscribing withdraws it if still queued. */
  subscriptionToken?: string;
}

const COLUMNS =
  "id, idempotency_key, kind, to_address, ephemeral_recipient, subject, html, text, headers, status, attempts, next_attempt_at, lease_until, last_error, transport, created_at, sent_at";

/** The statement that enqueues one message; a repeated idempotency key changes nothing. */
export function enqueueStatement(db: D1Database, m: NewOutboxMessage, now: Date): D1PreparedStatement {
  const at = now.toISOString();
  return db
    .prepare(
      `INSERT INTO outbox (idempotency_key, kind, to_address, ephemeral_recipient, subject, html, text, headers, next_attempt_at, created_at, subscription_token)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)
       ON CONFLICT (idempotency_key) DO NOTHING`,
    )
    .bind(
      m.idempotencyKey,
      m.kind,
      m.to,
      m.ephemeralRecipient ? 1 : 0,
      m.subject,
      m.html,
      m.text,
      JSON.stringify(m.headers ?? {}),
      at,
      m.subscriptionToken ?? null,
    );
}

export async function findOutboxByKey(db: D1Database, key: string): Promise<OutboxRow | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE idempotency_key = ?1`).bind(key).first<OutboxRow>();
}

export async function findOutboxMessage(db: D1Database, id: number): Promise<OutboxRow | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE id = ?1`).bind(id).first<OutboxRow>();
}

/** Ids of messages due for a send attempt: queued and due, or stuck in 'sending' past their lease. */
export async function listDueOutboxIds(db: D1Database, now: Date, limit: number): Promise<number[]> {
  const at = now.toISOString();
  const { results } = await db
    .prepare(
      `SELECT id FROM outbox
       WHERE (status = 'queued' AND next_attempt_at <= ?1) OR (status = 'sending' AND lease_until <= ?1)
       ORDER BY next_attempt_at, id LIMIT ?2`,
    )
    .bind(at, limit)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

/**
 * Claims a message for sending until `leaseUntil`. Returns the row only if this caller won the
 * claim: a concurrent run sees zero changed rows and skips the message.
 */
export async function claimOutboxMessage(db: D1Database, id: number, now: Date, leaseUntil: Date): Promise<OutboxRow | null> {
  const at = now.toISOString();
  return db
    .prepare(
      `UPDATE outbox SET status = 'sending', lease_until = ?3, attempts = attempts + 1
       WHERE id = ?1 AND ((status = 'queued' AND next_attempt_at <= ?2) OR (status = 'sending' AND lease_until <= ?2))
       RETURNING ${COLUMNS}`,
    )
    .bind(id, at, leaseUntil.toISOString())
    .first<OutboxRow>();
}

export async function markOutboxSent(db: D1Database, id: number, transport: string, now: Date, maskedTo: string | null): Promise<void> {
  await db
    .prepare(
      `UPDATE outbox SET status = 'sent', sent_at = ?2, transport = ?3, lease_until = NULL, last_error = NULL,
              to_address = COALESCE(?4, to_address)
       WHERE id = ?1`,
    )
    .bind(id, now.toISOString(), transport, maskedTo)
    .run();
}

/** Records a failed attempt: back to 'queued' for a retry at `retryAt`, or 'failed' for good when null. */
export async function markOutboxAttemptFailed(db: D1Database, id: number, error: string, retryAt: Date | null): Promise<void> {
  await db
    .prepare(
      `UPDATE outbox SET status = ?2, next_attempt_at = COALESCE(?3, next_attempt_at), lease_until = NULL, last_error = ?4
       WHERE id = ?1`,
    )
    .bind(id, retryAt ? "queued" : "failed", retryAt?.toISOString() ?? null, error.slice(0, 500))
    .run();
}

export interface OutboxSummaryRow {
  id: number;
  kind: string;
  to_address: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The newest messages first, without bodies, for the local outbox list. */
export async function listOutbox(db: D1Database, limit: number, offset: number): Promise<OutboxSummaryRow[]> {
  const { results } = await db
    .prepare(
      `SELECT id, kind, to_address, subject, status, attempts, last_error, created_at, sent_at
       FROM outbox ORDER BY id DESC LIMIT ?1 OFFSET ?2`,
    )
    .bind(limit, offset)
    .all<OutboxSummaryRow>();
  return results;
}

/** Ids of the messages with these idempotency keys (keep to 100 keys per statement). */
export function outboxIdsByKeysStatement(db: D1Database, keys: readonly string[]): Typed<{ id: number }> {
  return typed<{ id: number }>(
    db.prepare(`SELECT id FROM outbox WHERE idempotency_key IN (${keys.map((_, i) => `?${i + 1}`).join(", ")}) ORDER BY id`).bind(...keys),
  );
}

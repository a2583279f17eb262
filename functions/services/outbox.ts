import { maskEmailAddress, nextRetryAt } from "../../src/domain/delivery";
import {
  claimOutboxMessage,
  enqueueStatement,
  findOutboxByKey,
  findOutboxMessage,
  listDueOutboxIds,
  listOutbox,
  markOutboxAttemptFailed,
  markOutboxSent,
  outboxIdsByKeysStatement,
  type NewOutboxMessage,
  type OutboxRow,
} from "../db/outbox";
import { buildMime } from "../email/mime";
import { boundaryFor, transportFor, type Transport } from "../email/transport";
import { notFound } from "./errors";
import { batchGroups } from "../db/typed";

/** How long a claimed message stays ours before another run may retry it. */
const LEASE_MS = 2 * 60_000;

/** Puts a message in the outbox; a repeated idempotency key returns the first message. */
export async function enqueueEmail(db: D1Database, message: NewOutboxMessage, now: Date): Promise<OutboxRow> {
  await enqueueStatement(db, message, now).run();
  const row = await findOutboxByKey(db, message.idempotencyKey);
  if (!row) throw new Error("outbox row vanished after enqueue");
  return row;
}

/**
 * Puts several messages in the outbox, a batch per 90 of them; repeated idempotency keys
 * change nothing. Returns the ids of all of them (new or already queued), for deliverSoon.
 */
export async function enqueueEmails(
  db: D1Database,
  messages: readonly NewOutboxMessage[],
  now: Date,
  alongside?: (m: NewOutboxMessage) => D1PreparedStatement[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < messages.length; i += 90) {
    const chunk = messages.slice(i, i + 90);
    // `alongside` statements run in the same batch as the message's enqueue (one transaction).
    const [, [queued]] = await batchGroups(db, [
      chunk.flatMap((m) => [enqueueStatement(db, m, now), ...(alongside?.(m) ?? [])]),
      [
        outboxIdsByKeysStatement(
          db,
          chunk.map((m) => m.idempotencyKey),
        ),
      ],
    ]);
    ids.push(...queued.results.map((r) => r.id));
  }
  return ids;
}

export interface FlushResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends one message if it is due and this caller wins the claim. */
export async function deliverOutboxMessage(
  db: D1Database,
  transport: Transport,
  id: number,
  now: Date,
): Promise<keyof FlushResult | "skipped"> {
  const row = await claimOutboxMessage(db, id, now, new Date(now.getTime() + LEASE_MS));
  if (!row) return "skipped";
  try {
    await transport.send({
      to: row.to_address,
      subject: row.subject,
      text: row.text,
      html: row.html,
      headers: JSON.parse(row.headers) as Record<string, string>,
      messageId: messageIdFor(row),
      date: now,
    });
  } catch (error) {
    const retryAt = nextRetryAt(row.attempts, now);
    await markOutboxAttemptFailed(db, row.id, error instanceof Error ? error.message : String(error), retryAt);
    return retryAt ? "retrying" : "failed";
  }
  await markOutboxSent(db, row.id, transport.name, now, row.ephemeral_recipient ? maskEmailAddress(row.to_address) : null);
  return "sent";
}

/** Sends every due message (up to `limit`), oldest first. Safe to run concurrently with itself. */
export async function flushOutbox(db: D1Database, transport: Transport, now: Date, limit = 100): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, retrying: 0, failed: 0 };
  for (const id of await listDueOutboxIds(db, now, limit)) {
    const outcome = await deliverOutboxMessage(db, transport, id, now);
    if (outcome !== "skipped") result[outcome] += 1;
  }
  return result;
}

/**
 * Sends a freshly enqueued message right away, after the response, so a sign-in link does not
 * wait for the hourly cron. The cron flush is the safety net if this attempt fails.
 */
export function deliverSoon(env: Env, ctx: Pick<ExecutionContext, "waitUntil"> | undefined, id: number): void {
  const work = deliverOutboxMessage(env.DB, transportFor(env), id, new Date()).catch((error: unknown) => {
    console.error("outbox delivery failed", error);
  });
  if (ctx) ctx.waitUntil(work);
}

/** The local outbox listing, newest first. */
export async function listOutboxMessages(db: D1Database, page: number, perPage = 50) {
  return listOutbox(db, perPage, Math.max(0, page - 1) * perPage);
}

export async function getOutboxMessage(db: D1Database, id: number): Promise<OutboxRow> {
  const row = Number.isSafeInteger(id) ? await findOutboxMessage(db, id) : null;
  if (!row) throw notFound("That message");
  return row;
}

/** The message as the raw MIME source the production transport would hand to Cloudflare. */
export function outboxMessageSource(row: OutboxRow, from: string): string {
  return buildMime(
    {
      from,
      to: row.to_address,
      subject: row.subject,
      text: row.text,
      html: row.html,
      headers: JSON.parse(row.headers) as Record<string, string>,
      messageId: messageIdFor(row),
      date: new Date(row.sent_at ?? row.created_at),
    },
    boundaryFor(messageIdFor(row)),
  );
}

function messageIdFor(row: Pick<OutboxRow, "id" | "idempotency_key">): string {
  return `<outbox-${row.id}.${row.idempotency_key.replace(/[^A-Za-z0-9.-]/g, "-").slice(0, 60)}@mistvine>`;
}

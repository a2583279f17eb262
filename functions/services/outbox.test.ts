import { env } from "cloudflare:workers";
import PostalMime from "postal-mime";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS } from "../../src/domain/delivery";
import { findOutboxByKey } from "../db/outbox";
import type { OutgoingEmail, Transport } from "../email/transport";
import { deliverOutboxMessage, enqueueEmail, flushOutbox, outboxMessageSource } from "./outbox";

const T0 = new Date("2026-11-20T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function recordingTransport(fail = false): Transport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    name: "local",
    sent,
    async send(message) {
      if (fail) throw new Error("smtp said no");
      sent.push(message);
    },
  };
}

const message = (key: string, extra: Partial<Parameters<typeof enqueueEmail>[1]> = {}) => ({
  idempotencyKey: key,
  kind: "test",
  to: "lead@example.com",
  subject: "Weekly report for Ácme",
  html: "<p>Hello <b>there</b></p>",
  text: "Hello there",
  headers: { "List-Unsubscribe": "<https://mistvine.test/u/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  ...extra,
});

beforeEach(async () => {
  await env.DB.prepare("DELETE FROM outbox").run();
});

describe("enqueueEmail", () => {
  it("stores a repeated idempotency key once", async () => {
    const a = await enqueueEmail(env.DB, message("k1"), T0);
    const b = await enqueueEmail(env.DB, message("k1", { subject: "changed" }), T0);
    expect(b.id).toBe(a.id);
    expect(b.subject).toBe("Weekly report for Ácme");
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox").first<{ n: number }>();
    expect(count?.n).toBe(1);
  });
});

describe("flushOutbox", () => {
  it("sends each due message once, even when two runs overlap", async () => {
    for (const k of ["a", "b", "c"]) await enqueueEmail(env.DB, message(k), T0);
    const transport = recordingTransport();
    const [r1, r2] = await Promise.all([flushOutbox(env.DB, transport, T0), flushOutbox(env.DB, transport, T0)]);
    expect(r1.sent + r2.sent).toBe(3);
    expect(transport.sent).toHaveLength(3);
    const again = await flushOutbox(env.DB, transport, minutes(60));
    expect(again.sent).toBe(0);
    expect(transport.sent).toHaveLength(3);
  });

  it("retries a failed send with growing backoff and gives up visibly after the last attempt", async () => {
    await enqueueEmail(env.DB, message("flaky"), T0);
    const failing = recordingTransport(true);
    let now = T0;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      const result = await flushOutbox(env.DB, failing, now);
      expect(result.sent).toBe(0);
      const row = await findOutboxByKey(env.DB, "flaky");
      expect(row?.attempts).toBe(attempt);
      expect(row?.last_error).toBe("smtp said no");
      if (attempt < MAX_SEND_ATTEMPTS) {
        expect(row?.status).toBe("queued");
        // Not due again before its backoff passes.
        expect((await flushOutbox(env.DB, failing, now)).retrying).toBe(0);
        const next = new Date(row!.next_attempt_at);
        waits.push((next.getTime() - now.getTime()) / 60_000);
        now = next;
      } else {
        expect(row?.status).toBe("failed");
      }
    }
    expect(waits).toEqual([5, 10, 20, 40, 80]);
    // A failed message is never picked up again.
    expect(await flushOutbox(env.DB, recordingTransport(), minutes(10_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("retries a message whose sender died mid-send once its lease has passed", async () => {
    const row = await enqueueEmail(env.DB, message("stuck"), T0);
    await env.DB.prepare("UPDATE outbox SET status = 'sending', lease_until = ?2, attempts = 1 WHERE id = ?1")
      .bind(row.id, minutes(2).toISOString())
      .run();
    const transport = recordingTransport();
    expect((await flushOutbox(env.DB, transport, minutes(1))).sent).toBe(0);
    expect((await flushOutbox(env.DB, transport, minutes(3))).sent).toBe(1);
  });

  it("masks a one-off recipient once the message is sent", async () => {
    const row = await enqueueEmail(env.DB, message("once", { to: "visitor@example.org", ephemeralRecipient: true }), T0);
    expect(await deliverOutboxMessage(env.DB, recordingTransport(), row.id, T0)).toBe("sent");
    const sent = await findOutboxByKey(env.DB, "once");
    expect(sent?.to_address).toBe("v•••@example.org");
    expect(sent?.status).toBe("sent");
  });
});

describe("outboxMessageSource", () => {
  it("is a MIME message a real parser reads back: both parts, headers and a non-ASCII subject", async () => {
    const row = await enqueueEmail(env.DB, message("mime"), T0);
    const parsed = await PostalMime.parse(outboxMessageSource(row, "Mistvine <reports@mistvine.example>"));
    expect(parsed.subject).toBe("Weekly report for Ácme");
    expect(parsed.from?.address).toBe("reports@mistvine.example");
    expect(parsed.to?.[0]?.address).toBe("lead@example.com");
    expect(parsed.text?.trim()).toBe("Hello there");
    expect(parsed.html).toContain("<b>there</b>");
    const headers = Object.fromEntries(parsed.headers.map((h) => [h.key, h.value]));
    expect(headers["list-unsubscribe"]).toBe("<https://mistvine.test/u/abc>");
    expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });
});

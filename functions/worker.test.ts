import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { enqueueEmail } from "./services/outbox";
import worker from "./worker";

describe("the scheduled handler", () => {
  it("flushes the outbox on the hourly cron, and a second run sends nothing again", async () => {
    await env.DB.prepare("DELETE FROM outbox").run();
    const queued = await enqueueEmail(
      env.DB,
      { idempotencyKey: "cron-test", kind: "test", to: "a@example.com", subject: "s", html: "<p>h</p>", text: "t" },
      new Date("2026-11-20T09:00:00Z"),
    );
    for (let run = 0; run < 2; run++) {
      const ctx = createExecutionContext();
      worker.scheduled(createScheduledController({ cron: "0 * * * *", scheduledTime: new Date("2026-11-20T10:00:00Z") }), env, ctx);
      await waitOnExecutionContext(ctx);
    }
    const row = await env.DB.prepare("SELECT status, attempts, transport FROM outbox WHERE id = ?1").bind(queued.id).first();
    expect(row).toEqual({ status: "sent", attempts: 1, transport: "local" });
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { findOutboxByKey } from "../db/outbox";
import { enqueueEmail } from "../services/outbox";
import { runScheduledJobs, SCHEDULED_JOBS } from "./index";
import { runPurgeExpiredAccess } from "./purge-expired-access";

const NOW = new Date("2026-11-25T10:00:00Z");
const iso = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

describe("the hourly cron", () => {
  it("still flushes the outbox when a job before it fails, and reports the failure", async () => {
    await enqueueEmail(
      env.DB,
      { idempotencyKey: "cron-isolation", kind: "test", to: "lead@example.com", subject: "Hello", html: "<p>Hi</p>", text: "Hi" },
      NOW,
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = {
      name: "weekly",
      run: async () => {
        throw new Error("report query broke");
      },
    };
    const flush = SCHEDULED_JOBS.find((j) => j.name === "flushed");
    if (!flush) throw new Error("no flush job");
    const summary = await runScheduledJobs(env, NOW, [failing, flush]);
    expect(summary.weekly).toEqual({ error: "failed" });
    expect(summary.flushed).toMatchObject({ sent: 1 });
    expect((await findOutboxByKey(env.DB, "cron-isolation"))?.status).toBe("sent");
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("report query broke"));
    logged.mockRestore();
  });

  it("purges expired sessions and sign-in links and keeps the live ones", async () => {
    await env.DB.batch([
      env.DB.prepare("INSERT INTO people (id, email, name, created_at) VALUES ('p-purge', 'purge@example.com', 'Purge', ?1)").bind(
        iso(-9000),
      ),
      env.DB.prepare(
        "INSERT INTO sessions (id_hash, person_id, created_at, expires_at) VALUES ('s-old', 'p-purge', ?1, ?2), ('s-live', 'p-purge', ?1, ?3)",
      ).bind(iso(-9000), iso(-1), iso(60)),
      env.DB.prepare(
        `INSERT INTO sign_in_links (token_hash, purpose, email, created_at, expires_at, used_at) VALUES
         ('l-old', 'sign_in', 'purge@example.com', ?1, ?2, NULL), ('l-used', 'sign_in', 'purge@example.com', ?1, ?2, ?1),
         ('l-live', 'sign_in', 'purge@example.com', ?1, ?3, NULL)`,
      ).bind(iso(-30), iso(-15), iso(10)),
    ]);
    expect(SCHEDULED_JOBS.map((j) => j.name)).toContain("purgedAccess");
    const purged = await runPurgeExpiredAccess(env, NOW);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.signInLinks).toBeGreaterThanOrEqual(2);
    const sessions = await env.DB.prepare("SELECT id_hash FROM sessions WHERE person_id = 'p-purge'").all<{ id_hash: string }>();
    expect(sessions.results.map((r) => r.id_hash)).toEqual(["s-live"]);
    const links = await env.DB.prepare("SELECT token_hash FROM sign_in_links WHERE email = 'purge@example.com'").all<{
      token_hash: string;
    }>();
    expect(links.results.map((r) => r.token_hash)).toEqual(["l-live"]);
  });
});

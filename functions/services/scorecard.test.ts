import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { submissionId, uniformAnswers } from "../../tests/support/scorecard-fixtures";
import { AppError } from "./errors";
import { flushOutbox } from "./outbox";
import { emailScorecardReport, submitScorecard } from "./scorecard";
import { localTransport } from "../email/transport";

const NOW = new Date("2026-11-20T12:00:00Z");

/** Every text column of every table, to prove an address was stored nowhere but the outbox. */
async function databaseContains(needle: string, except: string[] = []): Promise<string[]> {
  const { results: tables } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string }>();
  const found: string[] = [];
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const { results: cols } = await env.DB.prepare(`SELECT name FROM pragma_table_info(?1)`).bind(name).all<{ name: string }>();
    for (const { name: col } of cols) {
      const hit = await env.DB.prepare(`SELECT 1 AS hit FROM "${name}" WHERE CAST("${col}" AS TEXT) LIKE ?1 LIMIT 1`)
        .bind(`%${needle}%`)
        .first();
      if (hit) found.push(`${name}.${col}`);
    }
  }
  return found;
}

describe("emailScorecardReport", () => {
  it("queues one report per request id, and keeps the address only until it is sent", async () => {
    const { id } = await submitScorecard(env.DB, { submissionId: submissionId(), answers: uniformAnswers(2) }, NOW);
    const request = { email: "  pat.visitor@example.net ", submissionId: submissionId("email") };
    const first = await emailScorecardReport(env.DB, id, request, "https://mistvine.test", NOW);
    const second = await emailScorecardReport(env.DB, id, request, "https://mistvine.test", NOW);
    expect(second.outboxId).toBe(first.outboxId);

    const row = await env.DB.prepare("SELECT to_address, subject, html, text FROM outbox WHERE id = ?1")
      .bind(first.outboxId)
      .first<Record<string, string>>();
    expect(row?.to_address).toBe("pat.visitor@example.net");
    expect(row?.subject).toBe("Your Aligned Autonomy Scorecard: Consultative (25/100)");
    expect(row?.text).toContain(`https://mistvine.test/scorecard/r/${id}`);
    expect(row?.html).toContain(`href="https://mistvine.test/scorecard/r/${id}"`);
    expect(await databaseContains("pat.visitor", ["outbox"])).toEqual([]);

    await flushOutbox(env.DB, localTransport, NOW);
    expect(await databaseContains("pat.visitor")).toEqual([]);
  });

  it.each(["", "not-an-address", "a@b", `${"x".repeat(250)}@example.com`])("refuses %j and queues nothing", async (email) => {
    const { id } = await submitScorecard(env.DB, { submissionId: submissionId(), answers: uniformAnswers(3) }, NOW);
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox").first<{ n: number }>();
    const error = await emailScorecardReport(env.DB, id, { email, submissionId: submissionId() }, "https://mistvine.test", NOW).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details[0]?.field).toBe("email");
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it("builds an HTML report without scripts that names the band", async () => {
    const { id } = await submitScorecard(env.DB, { submissionId: submissionId(), answers: uniformAnswers(5) }, NOW);
    const { outboxId } = await emailScorecardReport(
      env.DB,
      id,
      { email: "a@example.com", submissionId: submissionId() },
      "https://mistvine.test",
      NOW,
    );
    const row = await env.DB.prepare("SELECT html FROM outbox WHERE id = ?1").bind(outboxId).first<{ html: string }>();
    expect(row?.html).not.toMatch(/<script/i);
    expect(row?.html).toContain("Autonomous");
  });
});

import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { STATEMENTS } from "../../../src/domain/scorecard/statements";
import { BENCHMARK_MIN_RESULTS } from "../../../src/domain/scorecard/result";
import { scoreScorecard } from "../../../src/domain/scorecard/scoring";
import { submissionId, uniformAnswers } from "../../../tests/support/scorecard-fixtures";

const BASE = "https://mistvine.test";

let clients = 0;
/** Each request comes from its own client address unless a test says otherwise, so rate limits stay out of the way. */
function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  clients += 1;
  return exports.default.fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": `198.51.100.${clients % 250}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function countResults(): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM scorecard_results").first<{ n: number }>();
  return row?.n ?? 0;
}

describe("POST /api/scorecard/results", () => {
  it("scores a complete submission with the domain functions and returns the result", async () => {
    const answers = { ...uniformAnswers(4), sc1: 2, ev2: 5 };
    const res = await post("/api/scorecard/results", { submissionId: submissionId(), answers });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; url: string; scores: ReturnType<typeof scoreScorecard>; band: { id: string } };
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.url).toBe(`/scorecard/r/${body.id}`);
    expect(body.scores).toEqual(scoreScorecard(answers));
    expect(body.band.id).toBe("empowered");
  });

  it("returns the first result for a repeated submission id and stores one row", async () => {
    const id = submissionId();
    const before = await countResults();
    const [a, b] = await Promise.all([
      post("/api/scorecard/results", { submissionId: id, answers: uniformAnswers(2) }),
      post("/api/scorecard/results", { submissionId: id, answers: uniformAnswers(2) }),
    ]);
    const c = await post("/api/scorecard/results", { submissionId: id, answers: uniformAnswers(5) });
    const ids = await Promise.all([a, b, c].map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(c.status).toBe(200);
    expect(await countResults()).toBe(before + 1);
  });

  it.each([
    { name: "a missing answer", mutate: (a: Record<string, unknown>) => delete a.cf3, field: "answers.cf3" },
    { name: "an answer of 6", mutate: (a: Record<string, unknown>) => (a.da1 = 6), field: "answers.da1" },
    { name: "an answer of 0", mutate: (a: Record<string, unknown>) => (a.sc2 = 0), field: "answers.sc2" },
    { name: "a fractional answer", mutate: (a: Record<string, unknown>) => (a.ev1 = 3.5), field: "answers.ev1" },
    { name: "a string answer", mutate: (a: Record<string, unknown>) => (a.ev1 = "4"), field: "answers.ev1" },
    { name: "an unknown statement", mutate: (a: Record<string, unknown>) => (a.zz9 = 3), field: "answers" },
  ])("refuses $name with 400 and the envelope, storing nothing", async ({ mutate, field }) => {
    const answers: Record<string, unknown> = uniformAnswers(3);
    mutate(answers);
    const before = await countResults();
    const res = await post("/api/scorecard/results", { submissionId: submissionId(), answers });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; details: { field: string; issue: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d) => d.field)).toContain(field);
    expect(await countResults()).toBe(before);
  });

  it("refuses malformed JSON with 400 invalid_json", async () => {
    const res = await post("/api/scorecard/results", '{"submissionId": "x",');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_json");
  });

  it("refuses a body that is not JSON with 415", async () => {
    const res = await exports.default.fetch(`${BASE}/api/scorecard/results`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unsupported_media_type");
  });

  it("refuses an oversized body with 413", async () => {
    const res = await post("/api/scorecard/results", {
      submissionId: submissionId(),
      answers: uniformAnswers(3),
      padding: "x".repeat(70_000),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("refuses a missing or malformed submission id", async () => {
    const res = await post("/api/scorecard/results", { submissionId: "short", answers: uniformAnswers(3) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { field: string }[] } };
    expect(body.error.details.map((d) => d.field)).toEqual(["submissionId"]);
  });
});

describe("rate limiting", () => {
  it("answers 429 with the envelope once one address submits more than 30 quizzes a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await post(
        "/api/scorecard/results",
        { submissionId: submissionId("rl"), answers: uniformAnswers(3) },
        { "cf-connecting-ip": "203.0.113.77" },
      );
      statuses.push(res.status);
      if (res.status === 429) {
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
      }
    }
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another address is unaffected.
    const other = await post(
      "/api/scorecard/results",
      { submissionId: submissionId("rl"), answers: uniformAnswers(3) },
      { "cf-connecting-ip": "203.0.113.78" },
    );
    expect(other.status).toBe(201);
  });
});

describe("GET /api/scorecard/results/:id", () => {
  it("returns a stored result", async () => {
    const created = (await (await post("/api/scorecard/results", { submissionId: submissionId(), answers: uniformAnswers(1) })).json()) as {
      id: string;
    };
    const res = await exports.default.fetch(`${BASE}/api/scorecard/results/${created.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { band: { id: string }; scores: { overall: number } };
    expect(body.band.id).toBe("directive");
    expect(body.scores.overall).toBe(0);
  });

  it.each(["doesnotexist00000000000", "short", "../../etc"])("answers 404 with the envelope for %s", async (id) => {
    const res = await exports.default.fetch(`${BASE}/api/scorecard/results/${encodeURIComponent(id)}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("GET /api/scorecard/benchmark", () => {
  it(`withholds the comparison below ${BENCHMARK_MIN_RESULTS} results, says how many it rests on, and shows per-dimension means from ${BENCHMARK_MIN_RESULTS}`, async () => {
    await env.DB.prepare("DELETE FROM scorecard_results").run();
    // Items at 2 and 4 in equal numbers score 25 and 75 per dimension; one more at 3 scores 50.
    const pairs = (BENCHMARK_MIN_RESULTS - 2) / 2;
    for (let i = 0; i < pairs * 2; i++)
      await post("/api/scorecard/results", { submissionId: submissionId(), answers: uniformAnswers(i % 2 === 0 ? 2 : 4) });
    await post("/api/scorecard/results", { submissionId: submissionId(), answers: uniformAnswers(3) });
    let body = (await (await exports.default.fetch(`${BASE}/api/scorecard/benchmark`)).json()) as { results: number; dimensions: unknown };
    expect(body).toEqual({ results: BENCHMARK_MIN_RESULTS - 1, dimensions: null });

    await post("/api/scorecard/results", { submissionId: submissionId(), answers: uniformAnswers(3) });
    body = (await (await exports.default.fetch(`${BASE}/api/scorecard/benchmark`)).json()) as { results: number; dimensions: unknown };
    expect(body).toEqual({ results: BENCHMARK_MIN_RESULTS, dimensions: { clarity: 50, context: 50, autonomy: 50, velocity: 50 } });
  });
});

describe("GET /api/scorecard/statements", () => {
  it("lists the 20 statements with the labelled scale", async () => {
    const body = (await (await exports.default.fetch(`${BASE}/api/scorecard/statements`)).json()) as {
      statements: unknown[];
      scale: string[];
    };
    expect(body.statements).toHaveLength(STATEMENTS.length);
    expect(body.scale).toEqual(["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]);
  });
});

describe("GET /api/health", () => {
  it("answers ok without touching D1", async () => {
    const prepare = env.DB.prepare.bind(env.DB);
    let queries = 0;
    const db = new Proxy(env.DB, { get: (t, p) => (p === "prepare" ? (...a: [string]) => (queries++, prepare(...a)) : Reflect.get(t, p)) });
    const { app } = await import("../app");
    const res = await app.request("/api/health", {}, { ...env, DB: db });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(queries).toBe(0);
  });
});

import { Hono } from "hono";
import { clientKey, enforceRateLimit } from "../../services/rate-limit";
import { deliverSoon } from "../../services/outbox";
import { emailScorecardReport, getScorecardBenchmark, getScorecardResult, submitScorecard } from "../../services/scorecard";
import type { ApiEnv } from "../env";
import { benchmarkJson, scorecardResultJson, statementsJson } from "../scorecard-json";
import { executionContextOf, readJson, linkOrigin } from "../request";

export const scorecardRoutes = new Hono<ApiEnv>()
  .get("/statements", (c) => c.json(statementsJson()))

  .post("/results", async (c) => {
    await enforceRateLimit(c.env.RL_QUIZ, `quiz:${clientKey(c.req.raw)}`);
    const { id, created } = await submitScorecard(c.env.DB, await readJson(c), new Date());
    return c.json(scorecardResultJson(await getScorecardResult(c.env.DB, id)), created ? 201 : 200);
  })

  .get("/results/:id", async (c) => c.json(scorecardResultJson(await getScorecardResult(c.env.DB, c.req.param("id")))))

  .post("/results/:id/email", async (c) => {
    await enforceRateLimit(c.env.RL_QUIZ, `quiz-email:${clientKey(c.req.raw)}`);
    const { outboxId } = await emailScorecardReport(c.env.DB, c.req.param("id"), await readJson(c), linkOrigin(c), new Date());
    deliverSoon(c.env, executionContextOf(c), outboxId);
    return c.json({ queued: true }, 202);
  })

  .get("/benchmark", async (c) => c.json(benchmarkJson(await getScorecardBenchmark(c.env.DB))));

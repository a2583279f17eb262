import { Hono } from "hono";
import { AGREEMENT_SCALE, DIMENSIONS, STATEMENTS } from "../../../src/domain/scorecard/statements";
import { clientKey, enforceRateLimit } from "../../services/rate-limit";
import { deliverSoon } from "../../services/outbox";
import { emailScorecardReport, getScorecardBenchmark, getScorecardResult, submitScorecard } from "../../services/scorecard";
import type { ApiEnv } from "../env";
import { executionContextOf, readJson, linkOrigin } from "../request";

export const scorecardRoutes = new Hono<ApiEnv>()
  .get("/statements", (c) => c.json({ scale: AGREEMENT_SCALE, dimensions: DIMENSIONS, statements: STATEMENTS }))

  .post("/results", async (c) => {
    await enforceRateLimit(c.env.RL_QUIZ, `quiz:${clientKey(c.req.raw)}`);
    const { id, created } = await submitScorecard(c.env.DB, await readJson(c), new Date());
    const result = await getScorecardResult(c.env.DB, id);
    return c.json({ id, url: `/scorecard/r/${id}`, ...toJson(result) }, created ? 201 : 200);
  })

  .get("/results/:id", async (c) => {
    const result = await getScorecardResult(c.env.DB, c.req.param("id"));
    return c.json({ id: result.id, url: `/scorecard/r/${result.id}`, ...toJson(result) });
  })

  .post("/results/:id/email", async (c) => {
    await enforceRateLimit(c.env.RL_QUIZ, `quiz-email:${clientKey(c.req.raw)}`);
    const { outboxId } = await emailScorecardReport(c.env.DB, c.req.param("id"), await readJson(c), linkOrigin(c), new Date());
    deliverSoon(c.env, executionContextOf(c), outboxId);
    return c.json({ queued: true }, 202);
  })

  .get("/benchmark", async (c) => c.json(await getScorecardBenchmark(c.env.DB)));

function toJson(result: Awaited<ReturnType<typeof getScorecardResult>>) {
  const { scores, band, quadrant, diagnosis, weakest, advice } = result.reading;
  return {
    createdOn: result.createdOn,
    scores,
    band: { id: band.id, name: band.name, summary: band.summary },
    quadrant: { id: quadrant.id, name: quadrant.name },
    diagnosis: { headline: diagnosis.headline, story: diagnosis.story },
    weakest,
    advice,
  };
}

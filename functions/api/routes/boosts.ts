import { Hono, type Context } from "hono";
import { getBoostPage, getBoostsOverview } from "../../services/boost-views";
import { acceptBoost, createBoost, declineBoost, postBoostMessage, resolveBoost, type BoostOutcome } from "../../services/boosts";
import { deliverSoon } from "../../services/outbox";
import { boostPageJson, boostsOverviewJson } from "../boost-json";
import { accessOf, type OrgApiEnv } from "../org-context";
import { executionContextOf, readJson, linkOrigin } from "../request";

/** Sends the step's emails after the response and answers with the boost as it is now. */
async function answer(c: Context<OrgApiEnv>, outcome: BoostOutcome, status: 200 | 201 = 200) {
  for (const id of outcome.outboxIds) deliverSoon(c.env, executionContextOf(c), id);
  return c.json(boostPageJson(await getBoostPage(c.env.DB, accessOf(c), outcome.id, new Date())), status);
}

/** Boost requests between teams. Behind orgAccessMiddleware. */
export const boostRoutes = new Hono<OrgApiEnv>()
  .get("/boosts", async (c) => c.json(boostsOverviewJson(await getBoostsOverview(c.env.DB, accessOf(c), new Date()))))
  .post("/boosts", async (c) => answer(c, await createBoost(c.env.DB, accessOf(c), await readJson(c), linkOrigin(c), new Date()), 201))
  .get("/boosts/:boost", async (c) => c.json(boostPageJson(await getBoostPage(c.env.DB, accessOf(c), c.req.param("boost"), new Date()))))
  .post("/boosts/:boost/accept", async (c) =>
    answer(c, await acceptBoost(c.env.DB, accessOf(c), c.req.param("boost"), linkOrigin(c), new Date())),
  )
  .post("/boosts/:boost/decline", async (c) =>
    answer(c, await declineBoost(c.env.DB, accessOf(c), c.req.param("boost"), await readJson(c), linkOrigin(c), new Date())),
  )
  .post("/boosts/:boost/messages", async (c) =>
    answer(c, await postBoostMessage(c.env.DB, accessOf(c), c.req.param("boost"), await readJson(c), linkOrigin(c), new Date()), 201),
  )
  .post("/boosts/:boost/resolve", async (c) =>
    answer(c, await resolveBoost(c.env.DB, accessOf(c), c.req.param("boost"), linkOrigin(c), new Date())),
  );

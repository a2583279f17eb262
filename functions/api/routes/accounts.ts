import { Hono } from "hono";
import { requestOrgCreation, requestSignInAfterAnswer } from "../../services/auth";
import { deliverSoon } from "../../services/outbox";
import { clientKey, enforceRateLimit } from "../../services/rate-limit";
import type { ApiEnv } from "../env";
import { executionContextOf, readJson, linkOrigin } from "../request";

/** Sign-in and org creation by emailed link; answers never reveal whether an account exists. */
export const accountRoutes = new Hono<ApiEnv>()
  .post("/sign-in", async (c) => {
    await enforceRateLimit(c.env.RL_SIGNIN, `signin:${clientKey(c.req.raw)}`);
    const ctx = executionContextOf(c);
    await requestSignInAfterAnswer(c.env.DB, await readJson(c), linkOrigin(c), new Date(), ctx, (id) => deliverSoon(c.env, ctx, id));
    return c.json({ message: "If that address belongs to an account, a sign-in link is on its way." }, 202);
  })
  .post("/orgs", async (c) => {
    await enforceRateLimit(c.env.RL_SIGNIN, `signin:${clientKey(c.req.raw)}`);
    const id = await requestOrgCreation(c.env.DB, await readJson(c), linkOrigin(c), new Date());
    deliverSoon(c.env, executionContextOf(c), id);
    return c.json({ message: "Check your inbox: the link creates the organisation and signs you in." }, 202);
  });

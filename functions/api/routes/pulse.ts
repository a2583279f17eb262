import { Hono } from "hono";
import { PULSE_CREDENTIAL_HEADER, getPulsePage, readCredentials, submitVotes } from "../../services/pulse";
import { clientKey, enforceRateLimit } from "../../services/rate-limit";
import type { ApiEnv } from "../env";
import { readJson } from "../request";

/**
 * The anonymous pulse for API clients. No session: the credential a first vote hands out
 * comes back in the body and goes in the Pulse-Credential header of later requests.
 */
export const pulseRoutes = new Hono<ApiEnv>()
  .get("/:token", async (c) =>
    c.json(await getPulsePage(c.env.DB, c.req.param("token"), readCredentials(c.req.header(PULSE_CREDENTIAL_HEADER)), new Date())),
  )
  .post("/:token/votes", async (c) => {
    await enforceRateLimit(c.env.RL_VOTE, `vote:${clientKey(c.req.raw)}`);
    const body = await readJson(c);
    const outcome = await submitVotes(
      c.env.DB,
      c.req.param("token"),
      readCredentials(c.req.header(PULSE_CREDENTIAL_HEADER)),
      body,
      new Date(),
    );
    return c.json(
      {
        recorded: outcome.recorded,
        credential: outcome.credential,
        voted: outcome.view.objectives.filter((o) => o.voted).map((o) => o.id),
      },
      outcome.recorded ? 201 : 200,
    );
  });

import { Hono } from "hono";
import { createApiToken, listApiTokensOf, requireSession, revokeApiTokenOf } from "../../services/api-tokens";
import { accessOf, type OrgApiEnv } from "../org-context";
import { readJson } from "../request";

/**
 * Integrations: API tokens (and, below, webhooks). Behind orgAccessMiddleware; managing them
 * needs a signed-in admin, never a token (requireSession), so a leaked token cannot mint more.
 */
export const integrationRoutes = new Hono<OrgApiEnv>()
  .get("/api-tokens", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json({ tokens: await listApiTokensOf(c.env.DB, accessOf(c), new Date()) });
  })
  .post("/api-tokens", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json(await createApiToken(c.env.DB, accessOf(c), await readJson(c), new Date()), 201, { "cache-control": "no-store" });
  })
  .delete("/api-tokens/:token", async (c) => {
    requireSession(c.get("apiToken"));
    await revokeApiTokenOf(c.env.DB, accessOf(c), c.req.param("token"), new Date());
    return c.body(null, 204);
  });

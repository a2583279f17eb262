import { Hono } from "hono";
import { createApiToken, listApiTokensOf, requireSession, revokeApiTokenOf } from "../../services/api-tokens";
import { createWebhookEndpoint, deleteWebhookEndpointOf, listWebhookEndpoints, resendWebhookDelivery } from "../../services/webhooks";
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
  })
  .get("/webhooks", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json({ endpoints: await listWebhookEndpoints(c.env.DB, accessOf(c)) });
  })
  .post("/webhooks", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json(await createWebhookEndpoint(c.env.DB, accessOf(c), await readJson(c), new Date()), 201, { "cache-control": "no-store" });
  })
  .delete("/webhooks/:endpoint", async (c) => {
    requireSession(c.get("apiToken"));
    await deleteWebhookEndpointOf(c.env.DB, accessOf(c), c.req.param("endpoint"), new Date());
    return c.body(null, 204);
  })
  .post("/webhooks/:endpoint/deliveries/:delivery/resend", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json(
      await resendWebhookDelivery(
        c.env.DB,
        accessOf(c),
        (url, init) => fetch(url, init),
        c.req.param("endpoint"),
        c.req.param("delivery"),
        new Date(),
      ),
    );
  });

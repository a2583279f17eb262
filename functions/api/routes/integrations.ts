import { Hono } from "hono";
import { createApiToken, listApiTokensOf, requireSession, revokeApiTokenOf } from "../../services/api-tokens";
import { createWebhookEndpoint, deleteWebhookEndpointOf, listWebhookEndpoints, resendWebhookDelivery } from "../../services/webhooks";
import {
  connectOrgChannel,
  connectTeamChannel,
  getTeamChannel,
  listChatChannels,
  removeOrgChannel,
  removeTeamChannel,
  sendTestMessage,
  type ChatFetch,
} from "../../services/chat-channels";
import { notFound } from "../../services/errors";
import { publicOrigin } from "../../services/public-url";
import { chatChannelJson, chatChannelsJson, chatTestJson } from "../chat-channel-json";
import { accessOf, type OrgApiEnv } from "../org-context";
import { readJson } from "../request";

/**
 * Integrations: API tokens, webhooks and chat channels. Behind orgAccessMiddleware; managing
 * them needs a signed-in person, never a token (requireSession), so a leaked token cannot mint
 * more or point a team's channel (and its pulse link) elsewhere. Reading chat channels is open
 * to tokens: it answers hosts only.
 */
const post: ChatFetch = (url, init) => fetch(url, init);
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
  })
  .get("/chat-channels", async (c) => {
    return c.json(chatChannelsJson(await listChatChannels(c.env.DB, accessOf(c))));
  })
  .put("/chat-channel", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json(chatChannelJson(await connectOrgChannel(c.env.DB, accessOf(c), await readJson(c), new Date())));
  })
  .delete("/chat-channel", async (c) => {
    requireSession(c.get("apiToken"));
    await removeOrgChannel(c.env.DB, accessOf(c));
    return c.body(null, 204);
  })
  .post("/chat-channel/test", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json(chatTestJson(await sendTestMessage(c.env.DB, accessOf(c), post, null, publicOrigin(c.env), new Date())));
  })
  .get("/teams/:team/chat-channel", async (c) => {
    const channel = await getTeamChannel(c.env.DB, accessOf(c), c.req.param("team"));
    if (!channel) throw notFound("That team's chat channel");
    return c.json(chatChannelJson(channel));
  })
  .put("/teams/:team/chat-channel", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json(chatChannelJson(await connectTeamChannel(c.env.DB, accessOf(c), c.req.param("team"), await readJson(c), new Date())));
  })
  .delete("/teams/:team/chat-channel", async (c) => {
    requireSession(c.get("apiToken"));
    await removeTeamChannel(c.env.DB, accessOf(c), c.req.param("team"));
    return c.body(null, 204);
  })
  .post("/teams/:team/chat-channel/test", async (c) => {
    requireSession(c.get("apiToken"));
    return c.json(chatTestJson(await sendTestMessage(c.env.DB, accessOf(c), post, c.req.param("team"), publicOrigin(c.env), new Date())));
  });

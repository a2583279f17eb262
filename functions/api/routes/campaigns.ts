import { Hono } from "hono";
import { getOrgResults } from "../../services/campaign-results";
import { closeCampaignOf, getCampaignsOverview, openCampaign } from "../../services/campaigns";
import { createShareLink, listShareLinks, revokeShareLinkOf } from "../../services/share-links";
import { campaignJson, newShareLinkJson, resultJson, shareLinkJson } from "../campaign-json";
import { accessOf, type OrgApiEnv } from "../org-context";
import { deliverSoon } from "../../services/outbox";
import { executionContextOf, readJson, linkOrigin } from "../request";

/** Scorecard campaigns, their results and share links. Mounted behind orgAccessMiddleware. */
export const campaignRoutes = new Hono<OrgApiEnv>()
  .get("/campaigns", async (c) => {
    const overview = await getCampaignsOverview(c.env.DB, accessOf(c), new Date());
    return c.json({ headcount: overview.headcount, campaigns: overview.campaigns.map(campaignJson) });
  })
  .post("/campaigns", async (c) => c.json(campaignJson(await openCampaign(c.env.DB, accessOf(c), await readJson(c), new Date())), 201))
  .post("/campaigns/:campaign/close", async (c) => {
    for (const id of await closeCampaignOf(c.env.DB, accessOf(c), c.req.param("campaign"), new Date(), linkOrigin(c)))
      deliverSoon(c.env, executionContextOf(c), id);
    return c.body(null, 204);
  })
  // The suppressed result model; the ETag changes with every response, close and threshold change.
  .get("/results", async (c) => {
    const view = await getOrgResults(c.env.DB, accessOf(c), c.req.query("campaign") || null, new Date());
    const headers: Record<string, string> = { "Cache-Control": "private, no-cache" };
    if (view.etag) {
      headers.ETag = view.etag;
      if (c.req.header("if-none-match") === view.etag) return c.body(null, 304, headers);
    }
    return c.json({ campaign: view.campaign && campaignJson(view.campaign), result: resultJson(view.result) }, 200, headers);
  })
  .get("/share-links", async (c) => {
    const now = new Date();
    return c.json({ shareLinks: (await listShareLinks(c.env.DB, accessOf(c))).map((l) => shareLinkJson(l, now)) });
  })
  .post("/share-links", async (c) =>
    c.json(newShareLinkJson(await createShareLink(c.env.DB, accessOf(c), await readJson(c), new Date())), 201),
  )
  .delete("/share-links/:link", async (c) => {
    await revokeShareLinkOf(c.env.DB, accessOf(c), c.req.param("link"), new Date());
    return c.body(null, 204);
  });

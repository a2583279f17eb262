import { Hono } from "hono";
import { getPpp } from "../../services/ppp";
import { savePpp } from "../../services/ppp-save";
import { getPppSummary } from "../../services/ppp-summary";
import { pppSavedJson, pppSummaryJson, teamPppJson } from "../ppp-json";
import { accessOf, type OrgApiEnv } from "../org-context";
import { readJson } from "../request";

/** Weekly PPPs: a team's PPP of a week (draft save, submit) and leadership's summary. Behind orgAccessMiddleware. */
export const pppRoutes = new Hono<OrgApiEnv>()
  .get("/ppp", async (c) => c.json(pppSummaryJson(await getPppSummary(c.env.DB, accessOf(c), c.req.query("week") ?? null, new Date()))))
  .get("/teams/:team/ppp", async (c) => c.json(teamPppJson(await getPpp(c.env.DB, accessOf(c), c.req.param("team"), null, new Date()))))
  .get("/teams/:team/ppp/:week", async (c) =>
    c.json(teamPppJson(await getPpp(c.env.DB, accessOf(c), c.req.param("team"), c.req.param("week"), new Date()))),
  )
  .put("/teams/:team/ppp/:week", async (c) =>
    c.json(
      pppSavedJson(await savePpp(c.env.DB, accessOf(c), c.req.param("team"), c.req.param("week"), await readJson(c), "draft", new Date())),
    ),
  )
  .post("/teams/:team/ppp/:week/submit", async (c) =>
    c.json(
      pppSavedJson(await savePpp(c.env.DB, accessOf(c), c.req.param("team"), c.req.param("week"), await readJson(c), "submit", new Date())),
    ),
  );

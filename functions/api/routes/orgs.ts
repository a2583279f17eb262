import { Hono } from "hono";
import { getBoard } from "../../services/board";
import { saveOrgSettings } from "../../services/org-settings";
import { deliverSoon } from "../../services/outbox";
import { getTeamPage } from "../../services/team-page";
import { teamJson, teamsOverviewJson } from "../okr-json";
import { teamPageJson } from "../team-page-json";
import { createTeam, editTeam, getTeamsOverview, inviteLead } from "../../services/teams";
import { boardJson } from "../board-json";
import { orgJson } from "../org-json";
import { accessOf, type OrgApiEnv } from "../org-context";
import { executionContextOf, readJson, linkOrigin } from "../request";

/** The org, its board, teams and invitations. Mounted behind orgAccessMiddleware. */
export const orgRoutes = new Hono<OrgApiEnv>()
  .get("/", (c) => c.json(orgJson(accessOf(c))))
  .patch("/", async (c) => {
    await saveOrgSettings(c.env.DB, accessOf(c), await readJson(c));
    return c.body(null, 204);
  })
  .get("/board", async (c) => c.json(boardJson(await getBoard(c.env.DB, accessOf(c), new Date()))))
  .get("/teams", async (c) => c.json(teamsOverviewJson(await getTeamsOverview(c.env.DB, accessOf(c)))))
  .post("/teams", async (c) => c.json(teamJson(await createTeam(c.env.DB, accessOf(c), await readJson(c), new Date())), 201))
  .get("/teams/:team", async (c) =>
    c.json(teamPageJson(await getTeamPage(c.env.DB, accessOf(c), c.req.param("team"), c.req.query("wave") ?? null, new Date()))),
  )
  .patch("/teams/:team", async (c) => {
    await editTeam(c.env.DB, accessOf(c), c.req.param("team"), await readJson(c));
    return c.body(null, 204);
  })
  .post("/invites", async (c) => {
    const id = await inviteLead(c.env.DB, accessOf(c), await readJson(c), linkOrigin(c), new Date());
    deliverSoon(c.env, executionContextOf(c), id);
    return c.json({ queued: true }, 202);
  });

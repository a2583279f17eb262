import { Hono } from "hono";
import { deliverSoon } from "../../services/outbox";
import { previewReport, sendPreviewToMe } from "../../services/report-previews";
import { getReportSchedule, saveReportSchedule } from "../../services/report-settings";
import { getTeamAddresses, saveTeamAddresses } from "../../services/team-addresses";
import { reportSendSchema } from "../../../src/schemas/report-settings";
import { parseInput } from "../../services/validate";
import { accessOf, type OrgApiEnv } from "../org-context";
import { executionContextOf, readJson, linkOrigin } from "../request";

/** Report schedule, previews, and a team's pulse-reminder list. Behind orgAccessMiddleware. */
export const reportRoutes = new Hono<OrgApiEnv>()
  .get("/report-schedule", async (c) => c.json(await getReportSchedule(c.env.DB, accessOf(c))))
  .put("/report-schedule", async (c) => {
    await saveReportSchedule(c.env.DB, accessOf(c), await readJson(c));
    return c.body(null, 204);
  })
  .get("/reports/:kind/preview", async (c) => {
    const p = await previewReport(c.env.DB, accessOf(c), c.req.param("kind"), c.req.query("team") ?? null, linkOrigin(c), new Date());
    return c.json({ kind: p.kind, subject: p.email.subject, html: p.email.html, text: p.email.text, headers: p.headers });
  })
  .post("/reports/:kind/send", async (c) => {
    const { team } = parseInput(reportSendSchema, await readJson(c));
    const id = await sendPreviewToMe(c.env.DB, accessOf(c), c.req.param("kind"), team ?? null, linkOrigin(c), new Date());
    deliverSoon(c.env, executionContextOf(c), id);
    return c.json({ queued: true }, 202);
  })
  .get("/teams/:team/addresses", async (c) => c.json({ addresses: await getTeamAddresses(c.env.DB, accessOf(c), c.req.param("team")) }))
  .put("/teams/:team/addresses", async (c) =>
    c.json({ addresses: await saveTeamAddresses(c.env.DB, accessOf(c), c.req.param("team"), await readJson(c), new Date()) }),
  );

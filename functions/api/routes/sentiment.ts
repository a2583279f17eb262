import { Hono } from "hono";
import { setAnonymityThreshold } from "../../services/anonymity-settings";
import { getPulseLink, getPulseMode, regeneratePulseLink, revokePulseLink, setPulseMode } from "../../services/pulse-links";
import { getPulseReadView, getTeamPulse, pulseCsv } from "../../services/sentiment";
import { accessOf, type OrgApiEnv } from "../org-context";
import { readJson } from "../request";

/** Heat maps (published weeks only, suppressed), the CSV export, pulse links and the threshold. Behind orgAccessMiddleware. */
export const sentimentRoutes = new Hono<OrgApiEnv>()
  .get("/pulse", async (c) => {
    const read = await getPulseReadView(c.env.DB, accessOf(c), c.req.query("wave") ?? null, new Date());
    const s = read.sentiment;
    return c.json({
      wave: read.wave && { id: read.wave.id, name: read.wave.name },
      k: s?.k ?? accessOf(c).org.anonymity_k,
      weeks: s?.weeks ?? [],
      next: s?.next ?? null,
      org: s?.org ?? null,
      teams: s ? Object.fromEntries(s.teams) : {},
    });
  })
  .get("/pulse.csv", async (c) => {
    const read = await getPulseReadView(c.env.DB, accessOf(c), c.req.query("wave") ?? null, new Date());
    return c.body(pulseCsv(read), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pulse-${accessOf(c).org.slug}.csv"`,
    });
  })
  .get("/teams/:team/pulse", async (c) => {
    const t = await getTeamPulse(c.env.DB, accessOf(c), c.req.param("team"), c.req.query("wave") ?? null, new Date());
    return c.json({
      team: { id: t.team.id, name: t.team.name },
      wave: t.wave && { id: t.wave.id, name: t.wave.name },
      k: t.k,
      next: t.next,
      map: t.map,
      comments: t.comments,
    });
  })
  .get("/teams/:team/pulse-link", async (c) => c.json({ path: await getPulseLink(c.env.DB, accessOf(c), c.req.param("team")) }))
  .post("/teams/:team/pulse-link", async (c) =>
    c.json({ path: await regeneratePulseLink(c.env.DB, accessOf(c), c.req.param("team"), new Date()) }, 201),
  )
  .delete("/teams/:team/pulse-link", async (c) => {
    await revokePulseLink(c.env.DB, accessOf(c), c.req.param("team"), new Date());
    return c.body(null, 204);
  })
  .get("/teams/:team/pulse-mode", async (c) => c.json({ mode: await getPulseMode(c.env.DB, accessOf(c), c.req.param("team")) }))
  .put("/teams/:team/pulse-mode", async (c) =>
    c.json({ mode: await setPulseMode(c.env.DB, accessOf(c), c.req.param("team"), await readJson(c)) }),
  )
  .put("/anonymity", async (c) => {
    await setAnonymityThreshold(c.env.DB, accessOf(c), await readJson(c));
    return c.body(null, 204);
  });

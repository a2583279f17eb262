import { Hono } from "hono";
import {
  addKeyResult,
  carryOver,
  checkIn,
  createOrgObjective,
  createTeamObjective,
  removeKeyResult,
  removeObjective,
  saveReflection,
} from "../../services/objectives";
import { createWave, editWave, getWavePlan, listOrgWaves, moveWaveTo } from "../../services/waves";
import { waveJson, waveListJson, wavePlanJson } from "../okr-json";
import { accessOf, type OrgApiEnv } from "../org-context";
import { readJson } from "../request";

/** Waves, objectives, key results, check-ins, reflections. Mounted behind orgAccessMiddleware. */
export const waveRoutes = new Hono<OrgApiEnv>()
  .get("/waves", async (c) => c.json(waveListJson(await listOrgWaves(c.env.DB, accessOf(c), new Date()))))
  .post("/waves", async (c) => c.json(waveJson(await createWave(c.env.DB, accessOf(c), await readJson(c), new Date())), 201))
  .get("/waves/:wave", async (c) => c.json(wavePlanJson(await getWavePlan(c.env.DB, accessOf(c), c.req.param("wave"), new Date()))))
  .patch("/waves/:wave", async (c) => {
    await editWave(c.env.DB, accessOf(c), c.req.param("wave"), await readJson(c));
    return c.body(null, 204);
  })
  .post("/waves/:wave/activate", async (c) => {
    await moveWaveTo(c.env.DB, accessOf(c), c.req.param("wave"), "active", new Date());
    return c.body(null, 204);
  })
  .post("/waves/:wave/complete", async (c) => {
    await moveWaveTo(c.env.DB, accessOf(c), c.req.param("wave"), "completed", new Date());
    return c.body(null, 204);
  })
  .post("/waves/:wave/objectives", async (c) =>
    c.json({ id: await createOrgObjective(c.env.DB, accessOf(c), c.req.param("wave"), await readJson(c), new Date()) }, 201),
  )
  .post("/waves/:wave/team-objectives", async (c) =>
    c.json({ id: await createTeamObjective(c.env.DB, accessOf(c), c.req.param("wave"), await readJson(c), new Date()) }, 201),
  )
  .put("/waves/:wave/teams/:team/reflection", async (c) => {
    await saveReflection(c.env.DB, accessOf(c), c.req.param("wave"), c.req.param("team"), await readJson(c), new Date());
    return c.body(null, 204);
  })
  .post("/objectives/:objective/key-results", async (c) => {
    await addKeyResult(c.env.DB, accessOf(c), c.req.param("objective"), await readJson(c), new Date());
    return c.body(null, 201);
  })
  .delete("/objectives/:objective", async (c) => {
    await removeObjective(c.env.DB, accessOf(c), c.req.param("objective"));
    return c.body(null, 204);
  })
  .delete("/key-results/:kr", async (c) => {
    await removeKeyResult(c.env.DB, accessOf(c), c.req.param("kr"));
    return c.body(null, 204);
  })
  .post("/key-results/:kr/check-ins", async (c) => {
    await checkIn(c.env.DB, accessOf(c), c.req.param("kr"), await readJson(c), new Date());
    return c.body(null, 201);
  })
  .post("/carry-overs", async (c) => c.json({ id: await carryOver(c.env.DB, accessOf(c), await readJson(c), new Date()) }, 201));

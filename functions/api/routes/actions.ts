import { Hono } from "hono";
import { getActions } from "../../services/actions";
import { actionsJson } from "../org-json";
import { accessOf, type OrgApiEnv } from "../org-context";

/** The Action Center: the signed-in person's open items, most urgent first. Behind orgAccessMiddleware. */
export const actionRoutes = new Hono<OrgApiEnv>().get("/actions", async (c) =>
  c.json(actionsJson(await getActions(c.env.DB, accessOf(c), new Date()))),
);

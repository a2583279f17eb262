import { Hono } from "hono";
import { getActions } from "../../services/actions";
import { accessOf, type OrgApiEnv } from "../org-context";

/** The Action Center: the signed-in person's open items, most urgent first. Behind orgAccessMiddleware. */
export const actionRoutes = new Hono<OrgApiEnv>().get("/actions", async (c) => {
  const view = await getActions(c.env.DB, accessOf(c), new Date());
  return c.json({ today: view.today, count: view.items.length, items: view.items, next: view.next });
});

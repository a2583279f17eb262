import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { requireOrgAccess, type OrgAccess } from "../services/access";
import { SESSION_COOKIE, viewerFromSession } from "../services/auth";
import type { ApiEnv } from "./env";

export type OrgApiEnv = ApiEnv & { Variables: { access: OrgAccess } };

/**
 * Every /api/orgs/:org/* route runs behind this: no session → 401, not a member (or no such
 * org) → 404. Routes then read c.get("access") and pass it to the services.
 */
export const orgAccessMiddleware: MiddlewareHandler<OrgApiEnv> = async (c, next) => {
  const viewer = await viewerFromSession(c.env.DB, getCookie(c, SESSION_COOKIE), new Date());
  c.set("access", await requireOrgAccess(c.env.DB, viewer, c.req.param("org") ?? ""));
  await next();
};

export function accessOf(c: Context<OrgApiEnv>): OrgAccess {
  return c.get("access");
}

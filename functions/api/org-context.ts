import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { requireOrgAccess, type OrgAccess } from "../services/access";
import { requireTokenAccess, type TokenIdentity } from "../services/api-tokens";
import { SESSION_COOKIE, viewerFromSession } from "../services/auth";
import type { ApiEnv } from "./env";

export type OrgApiEnv = ApiEnv & { Variables: { access: OrgAccess; apiToken?: TokenIdentity } };

/**
 * Every /api/orgs/:org/* route runs behind this: no session → 401, not a member (or no such
 * org) → 404. Routes then read c.get("access") and pass it to the services.
 * A request with an `Authorization` header is authenticated by that API token alone (never
 * by a cookie as well), as the admin who created it: see functions/services/api-tokens.ts.
 */
export const orgAccessMiddleware: MiddlewareHandler<OrgApiEnv> = async (c, next) => {
  // Mounted on "/orgs/:org" and "/orgs/:org/*", which both match the org itself: check once.
  if (c.get("access")) return next();
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    // A refused token says which scheme to use (RFC 6750); the body is the usual envelope.
    c.header("WWW-Authenticate", 'Bearer realm="mistvine"');
    const { access, token } = await requireTokenAccess(
      c.env.DB,
      c.env.RL_API,
      authorization,
      c.req.param("org") ?? "",
      c.req.method,
      new Date(),
    );
    c.header("WWW-Authenticate", undefined);
    c.set("access", access);
    c.set("apiToken", token);
  } else {
    const viewer = await viewerFromSession(c.env.DB, getCookie(c, SESSION_COOKIE), new Date());
    c.set("access", await requireOrgAccess(c.env.DB, viewer, c.req.param("org") ?? ""));
  }
  await next();
};

export function accessOf(c: Context<OrgApiEnv>): OrgAccess {
  return c.get("access");
}

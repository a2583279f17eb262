import { defineMiddleware } from "astro:middleware";
import { env } from "cloudflare:workers";
import { SESSION_COOKIE, viewerFromSession } from "../functions/services/auth";
import { checkRequestPolicy, securityHeaders } from "../functions/services/http-policy";

/**
 * Runs before every page and the /api bridge: refuses cross-site writes and oversized bodies,
 * resolves the signed-in person when a session cookie is present (no cookie, no query), then
 * adds the security headers to whatever the route answered.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const refusal = checkRequestPolicy(context.request, context.url);
  if (refusal) return refusal;
  const cookie = context.cookies.get(SESSION_COOKIE)?.value;
  context.locals.viewer = cookie && !context.url.pathname.startsWith("/api/") ? await viewerFromSession(env.DB, cookie, new Date()) : null;
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders(response.headers.get("content-type")))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  if (context.locals.viewer) response.headers.set("Cache-Control", "private, no-store");
  return response;
});

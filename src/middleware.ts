import { defineMiddleware } from "astro:middleware";
import { checkRequestPolicy, securityHeaders } from "../functions/services/http-policy";

/**
 * Runs before every page and the /api bridge: refuses cross-site writes and oversized bodies,
 * then adds the security headers to whatever the route answered.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const refusal = checkRequestPolicy(context.request, context.url);
  if (refusal) return refusal;
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders(response.headers.get("content-type")))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
});

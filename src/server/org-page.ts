/**
 * Glue between Astro pages and the access service: every /o/{org} page starts here, so no
 * page can forget the membership check. Its forms go through `handleFormActions` of
 * form-actions.ts like every other page's.
 */
import type { AstroGlobal } from "astro";
import { env } from "cloudflare:workers";
import { requireOrgAccess, type OrgAccess } from "../../functions/services/access";
import { AppError } from "../../functions/services/errors";

/**
 * The viewer's access to the org in the URL, or the response to send instead: a redirect to
 * sign in when signed out, the 404 page when the viewer is not a member (or no such org).
 */
export async function orgPageAccess(Astro: AstroGlobal): Promise<OrgAccess | Response> {
  try {
    return await requireOrgAccess(env.DB, Astro.locals.viewer, Astro.params.org ?? "");
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.status === 401) return Astro.redirect(`/signin?next=${encodeURIComponent(Astro.url.pathname)}`, 303);
    return Astro.rewrite("/404");
  }
}

/** Runs a page's service call and turns a 404 into the 404 page (ids of other orgs included). */
export async function orNotFound<T>(Astro: AstroGlobal, work: () => Promise<T>): Promise<T | Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return Astro.rewrite("/404");
    throw error;
  }
}

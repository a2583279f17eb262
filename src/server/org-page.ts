/**
 * Glue between Astro pages and the access service: every /o/{org} page starts here, so no
 * page can forget the membership check.
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

export interface FormOutcome {
  /** Messages by field name, shown next to the inputs. */
  errors: Record<string, string>;
  /** A message for the whole form (403, 409, …). */
  message: string;
  status: number;
}

/** Turns an AppError from a form action into messages for the page; anything else is rethrown. */
export function formOutcome(error: unknown, fieldName: (field: string) => string = (f) => f): FormOutcome {
  if (!(error instanceof AppError)) throw error;
  const errors: Record<string, string> = {};
  for (const d of error.details) errors[fieldName(d.field)] ??= d.issue;
  return { errors, message: error.details.length ? "" : error.message, status: error.status };
}

/** The posted form's fields as a plain object of strings (last value wins). */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

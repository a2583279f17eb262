/**
 * Glue between Astro pages and the access service: every /o/{org} page starts here, so no
 * page can forget the membership check.
 */
import type { AstroGlobal } from "astro";
import { env } from "cloudflare:workers";
import { requireOrgAccess, type OrgAccess } from "../../functions/services/access";
import { AppError } from "../../functions/services/errors";
import { readForm } from "../../functions/services/forms";

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

/** A form action: does its work and returns where to send the browser next (post/redirect/get). */
export type FormAction = (values: Record<string, string>, form: FormData, now: Date) => Promise<string>;

export interface PostedForm {
  /** The `_action` that was posted ("" on a GET). */
  action: string;
  values: Record<string, string>;
  outcome: FormOutcome;
}

/**
 * Runs the posted form's `_action` on a page with several forms. Success redirects (303) to
 * the URL the action returns; a refusal comes back as the outcome to re-render the form with
 * (the response status set to match). An unknown action is a 400, never a 500.
 */
export async function handleFormActions(
  Astro: AstroGlobal,
  actions: Record<string, FormAction>,
  fieldName?: (field: string, form: FormData) => string,
): Promise<PostedForm | Response> {
  const posted: PostedForm = { action: "", values: {}, outcome: { errors: {}, message: "", status: 200 } };
  if (Astro.request.method !== "POST") return posted;
  let form: FormData | null = null;
  try {
    form = await readForm(Astro.request);
    posted.values = formObject(form);
    posted.action = posted.values._action ?? "";
    const run = Object.hasOwn(actions, posted.action) ? actions[posted.action] : undefined;
    if (!run) throw new AppError(400, "validation_failed", "That form action does not exist. Reload the page and try again.");
    return Astro.redirect(await run(posted.values, form, new Date()), 303);
  } catch (error) {
    const data = form;
    posted.outcome = formOutcome(error, fieldName && data ? (f) => fieldName(f, data) : undefined);
    Astro.response.status = posted.outcome.status;
    return posted;
  }
}

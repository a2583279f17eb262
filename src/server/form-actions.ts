/**
 * The one way a page handles a POST. Every page that takes a form calls `handleFormActions`
 * once; no page reads a form or looks at the request method itself (`pages-post.test.ts`
 * checks the sources).
 */
import { AppError } from "../../functions/services/errors";
import { readForm } from "../../functions/services/forms";

export interface FormOutcome {
  /** Messages by field name, shown next to the inputs. */
  errors: Record<string, string>;
  /** A message for the whole form (403, 409, …). */
  message: string;
  status: number;
}

/** The outcome of a form that was not the one posted (or not refused): nothing to show. */
export function noOutcome(): FormOutcome {
  return { errors: {}, message: "", status: 200 };
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

/**
 * What an action answers once its work is done: the URL to send the browser to (a 303, so a
 * reload does not post again), a finished response (the 204 a mail client's one-click
 * unsubscribe expects), or a value for the page to show on this very answer (`rendered`: a
 * new API token, shown once and never again). A refusal is an AppError thrown, never a
 * return value.
 */
export type FormActionResult<R = never> = string | Response | Rendered<R>;

/** A value the page renders instead of redirecting, with the status to answer. */
export interface Rendered<R> {
  rendered: R;
  status: 200 | 201;
}

/** Answers the posted form with the page itself, showing `value` (see FormActionResult). */
export function rendered<R>(value: R, status: 200 | 201 = 200): Rendered<R> {
  return { rendered: value, status };
}

/**
 * A form action. `action` is the `_action` that chose it, which tells a prefix action
 * ("to-progress:") what followed the prefix.
 */
export type FormAction<R = never> = (
  values: Record<string, string>,
  form: FormData,
  now: Date,
  action: string,
) => Promise<FormActionResult<R>>;

export interface FormActionOptions {
  /**
   * The action a form without `_action` runs: a page with one form (or a form posted from
   * outside, like a mail client's one-click request) need not name it. A posted `_action`
   * that is not in the table is still a 400.
   */
  defaultAction?: string;
  /** Where a refused field's message goes, for schema paths that are not input names. */
  fieldName?: (field: string, form: FormData) => string;
}

export interface PostedForm<R = never> {
  /** Whether this request posted a form: false on a GET, true on a POST whether it was refused or not. */
  submitted: boolean;
  /** The action that ran (the default one when the form named none; "" on a GET). */
  action: string;
  /** What was typed, to fill the form in again ({} on a GET or when the form could not be read). */
  values: Record<string, string>;
  /** The posted form as read, for a page that rebuilds typed input from it (null on a GET or when unreadable). */
  form: FormData | null;
  /** The messages to show beside the fields and over the form. */
  outcome: FormOutcome;
  /** The refusal itself, for a page whose re-render depends on more than messages (a dead link, a closed survey). */
  error: AppError | null;
  /** What a successful action asked the page to show instead of redirecting (null otherwise). */
  rendered: R | null;
}

/** The parts of Astro's page context the runner uses (`Astro` itself fits). */
export interface FormPage {
  request: Request;
  redirect(path: string, status: 303): Response;
  response: { status?: number };
}

const UNKNOWN_ACTION = "That form action does not exist. Reload the page and try again.";

/** The action `name` resolves to: an exact key, or a key ending in ":" that `name` starts with. */
function findAction<R>(actions: Record<string, FormAction<R>>, name: string): FormAction<R> | undefined {
  if (Object.hasOwn(actions, name)) return actions[name];
  const colon = name.indexOf(":");
  const prefix = colon > 0 ? name.slice(0, colon + 1) : "";
  return prefix && Object.hasOwn(actions, prefix) ? actions[prefix] : undefined;
}

/**
 * Runs the posted form's `_action`. Success redirects (303) to the URL the action returns,
 * answers the response it returns, or comes back with the value to render; a refusal (an
 * AppError) comes back as the outcome to re-render the form with, the response status set to
 * match. An unknown action is a 400, never a 500; anything that is not an AppError is a bug
 * and is rethrown. On a GET nothing runs and the page renders as usual.
 */
export async function handleFormActions<R = never>(
  page: FormPage,
  actions: Record<string, FormAction<R>>,
  options: FormActionOptions = {},
): Promise<PostedForm<R> | Response> {
  const posted: PostedForm<R> = {
    submitted: page.request.method === "POST",
    action: "",
    values: {},
    form: null,
    outcome: noOutcome(),
    error: null,
    rendered: null,
  };
  if (!posted.submitted) return posted;
  try {
    const form = await readForm(page.request);
    posted.form = form;
    posted.values = formObject(form);
    posted.action = posted.values._action ?? options.defaultAction ?? "";
    const run = findAction(actions, posted.action);
    if (!run) throw new AppError(400, "validation_failed", UNKNOWN_ACTION);
    const result = await run(posted.values, form, new Date(), posted.action);
    if (typeof result === "string") return page.redirect(result, 303);
    if (result instanceof Response) return result;
    posted.rendered = result.rendered;
    posted.outcome.status = page.response.status = result.status;
    return posted;
  } catch (error) {
    const form = posted.form;
    posted.outcome = formOutcome(error, options.fieldName && form ? (f) => options.fieldName!(f, form) : undefined);
    posted.error = error as AppError;
    page.response.status = posted.outcome.status;
    return posted;
  }
}

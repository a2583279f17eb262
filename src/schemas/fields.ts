import { z } from "zod";
import { isIsoDate } from "../domain/calendar";

/** Text typed by a person: trimmed, required, within a length. */
export function text(label: string, min: number, max: number) {
  const required = z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`);
  return (min > 1 ? required.min(min, `${label} needs at least ${min} characters.`) : required).max(
    max,
    `${label} can be at most ${max} characters.`,
  );
}

/** Optional text: absent and empty both become "". */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .optional()
    .transform((v) => v ?? "");
}

/**
 * A number from JSON or from a form field. Form strings must look like a number ("42", "-3.5",
 * "3,5" is refused rather than guessed at); anything else gets the message.
 */
export function numberField(label: string) {
  const message = `${label} must be a number, like 42 or 3.5.`;
  return z.preprocess(
    (v) => (typeof v === "string" ? (/^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN) : v),
    z.number({ error: message }).min(-1e12, message).max(1e12, message),
  );
}

export function dateField(label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .refine(isIsoDate, `${label} must be a real date (YYYY-MM-DD).`)
    .meta({ format: "date" });
}

/** Ids we generate: 22 base64url characters (randomToken(16)). The one place this rule is written. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Whether `value` can be one of our ids; a service answers 404 without a query when not. */
export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export const idSchema = z.string().regex(ID_PATTERN, "Unknown id.");

/**
 * A public Scorecard result's id carried along "Run this with your team" (/start?result=…):
 * optional, and an empty form field counts as absent.
 */
export const optionalResultIdSchema = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.string().regex(ID_PATTERN, "That Scorecard result link is not valid: take the Scorecard again or leave it out.").optional(),
);

import type { FieldIssue } from "../../src/schemas/common";
import { AppError } from "./errors";
import { MAX_BODY_BYTES } from "./http-policy";

/** Reads a posted HTML form, refusing bodies over 64 KB even without a Content-Length. */
export async function readForm(request: Request): Promise<FormData> {
  const body = await request.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES) throw new AppError(413, "payload_too_large", "The form is larger than 64 KB.");
  const copy = new Request(request.url, { method: "POST", headers: request.headers, body });
  try {
    return await copy.formData();
  } catch {
    throw new AppError(400, "validation_failed", "The form could not be read. Reload the page and try again.");
  }
}

/** Field messages keyed by field name for rendering beside inputs ("answers.sc1" → "sc1"). */
export function fieldMessages(details: readonly FieldIssue[], stripPrefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const field = stripPrefix && d.field.startsWith(stripPrefix) ? d.field.slice(stripPrefix.length) : d.field;
    out[field] ??= d.issue;
  }
  return out;
}

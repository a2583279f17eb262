import { AppError } from "./errors";
import { MAX_BODY_BYTES } from "./http-policy";

/**
 * Reads a posted HTML form, refusing bodies over 64 KB even without a Content-Length. A POST
 * with no body at all (a form with no fields, `fetch(url, { method: "POST" })`) is an empty form.
 */
export async function readForm(request: Request): Promise<FormData> {
  const body = await request.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES) throw new AppError(413, "payload_too_large", "The form is larger than 64 KB.");
  if (body.byteLength === 0) return new FormData();
  const copy = new Request(request.url, { method: "POST", headers: request.headers, body });
  try {
    return await copy.formData();
  } catch {
    throw new AppError(400, "validation_failed", "The form could not be read. Reload the page and try again.");
  }
}

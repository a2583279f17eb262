import type { FieldIssue } from "../../src/schemas/common";

export type ErrorCode =
  | "validation_failed"
  | "invalid_json"
  | "unsupported_media_type"
  | "payload_too_large"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "rate_limited"
  | "internal_error";

/**
 * An expected failure with its HTTP status. Services throw it; the API's onError turns it into
 * the error envelope and pages turn it into messages next to the fields.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429,
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const validationFailed = (details: FieldIssue[], message = "Some fields need attention.") =>
  new AppError(400, "validation_failed", message, details);
export const notFound = (what = "That page") => new AppError(404, "not_found", `${what} does not exist.`);
export const conflict = (message: string) => new AppError(409, "conflict", message);
export const gone = (message: string) => new AppError(410, "gone", message);
export const rateLimited = () => new AppError(429, "rate_limited", "Too many requests from your network. Wait a minute and try again.");
export const unauthorized = (message = "Sign in to continue.") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "You do not have permission to do that.") => new AppError(403, "forbidden", message);

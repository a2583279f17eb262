import type { Context } from "hono";
import { AppError } from "../services/errors";
import { publicOrigin } from "../services/public-url";

/** Reads the JSON body; malformed JSON is a 400 with the envelope, never a 500. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new AppError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

/** The execution context when the Worker runtime provided one (absent in unit tests). */
export function executionContextOf(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx as ExecutionContext;
  } catch {
    return undefined;
  }
}

/** The configured origin absolute links are built from (PUBLIC_URL), never the request's Host. */
export function linkOrigin(c: Context): string {
  return publicOrigin(c.env as Env);
}

import type { Context } from "hono";
import { AppError } from "../services/errors";

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

/** The origin this request reached, used to build absolute links in emails. */
export function requestOrigin(c: Context): string {
  return new URL(c.req.url).origin;
}

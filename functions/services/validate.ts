import type { z } from "zod";
import { toFieldIssues } from "../../src/schemas/common";
import { validationFailed } from "./errors";

/** Parses input with a schema or throws a validation_failed AppError listing every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(toFieldIssues(result.error));
  return result.data;
}

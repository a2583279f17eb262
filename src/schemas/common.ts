import { z } from "zod";

/** A client-generated id that makes a retried submission return the first result. */
export const submissionIdSchema = z
  .string({ error: "A submission id is required." })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "The submission id must be 16–64 letters, digits, '-' or '_'.");

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@example.com."));

/** One problem with one field, as the API's error envelope and the HTML forms report it. */
export interface FieldIssue {
  field: string;
  issue: string;
}

/** Flattens zod issues into field/issue pairs; the path is joined with dots ("answers.sc1"). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join(".") || "body", issue: i.message }));
}

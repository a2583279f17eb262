/**
 * Building blocks of the JSON API's response schemas (OpenAPI components). Each presenter in
 * functions/api/*-json.ts declares its answer with these, so the contract at /api/openapi.json
 * and the code that produces the answer are the same thing.
 */
import { z } from "zod";
import { ID_PATTERN } from "../../../src/schemas/fields";

/** One of our ids: 22 base64url characters. */
export const Id = z.string().regex(ID_PATTERN).meta({ id: "Id", description: "An id: 22 base64url characters." });
/** An instant, ISO 8601 in UTC. */
export const Instant = z.string().meta({ format: "date-time" });
/** A calendar day, YYYY-MM-DD. */
export const Day = z.string().meta({ format: "date" });
/** A path on this site (starts with /), to join to the site's origin. */
export const SitePath = z.string().regex(/^\//);

/** Something named by id, as answers refer to teams, waves and objectives. */
export const Named = z.object({ id: Id, name: z.string() }).meta({ id: "Ref", description: "A team, wave or campaign: its id and name." });

/** Answers of 202 for work that is queued (emails). */
export const Queued = z.object({ queued: z.literal(true) }).meta({ id: "Queued" });
/** Answers that only carry a message for people (sign-in, org creation). */
export const Message = z.object({ message: z.string() }).meta({ id: "Message" });
/** A new thing's id. */
export const Created = z.object({ id: Id }).meta({ id: "Created" });

/** The error envelope every 4xx and 5xx answers with. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable, machine-readable: validation_failed, not_found, unauthorized, forbidden, …" }),
      message: z.string().meta({ description: "For people: what went wrong and what to do." }),
      details: z.array(z.object({ field: z.string(), issue: z.string() })).meta({ description: "One entry per refused field." }),
    }),
  })
  .meta({ id: "Error" });

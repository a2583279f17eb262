import { z } from "zod";
import { isValidTimeZone } from "../domain/calendar";
import { emailSchema } from "./common";
import { idSchema, optionalResultIdSchema, text } from "./fields";

/** Words an org slug may not take: they are, or may become, paths of their own. */
const RESERVED_SLUGS = new Set(["new", "api", "admin", "dev", "start", "signin", "signout", "auth", "settings", "static", "assets"]);

export const slugSchema = z
  .string({ error: "Choose a web address." })
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/,
    "Use 3–40 lowercase letters, digits or dashes, starting and ending with a letter or digit.",
  )
  .refine((s) => !RESERVED_SLUGS.has(s), "That address is reserved. Choose another.");

export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .refine(isValidTimeZone, "Choose a time zone from the list.");

export const createOrgSchema = z.object({
  orgName: text("The organisation's name", 2, 80),
  slug: slugSchema,
  timeZone: timeZoneSchema,
  name: text("Your name", 1, 80),
  email: emailSchema,
  /** The founder's own public Scorecard result, offered later as their self-assessment. */
  resultId: optionalResultIdSchema,
});
export type CreateOrgInput = z.infer<typeof createOrgSchema>;

export const signInSchema = z.object({ email: emailSchema });

export const teamSchema = z.object({
  name: text("The team's name", 1, 60),
  mission: z
    .string()
    .trim()
    .max(160, "The mission can be at most 160 characters.")
    .optional()
    .transform((v) => v ?? ""),
  declaredSize: z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v === "" ? undefined : v),
    z
      .number({ error: "Enter the team's size as a whole number from 1 to 500." })
      .int("Enter the team's size as a whole number from 1 to 500.")
      .min(1, "Enter the team's size as a whole number from 1 to 500.")
      .max(500, "Enter the team's size as a whole number from 1 to 500."),
  ),
});
export type TeamInput = z.infer<typeof teamSchema>;

export const inviteSchema = z.object({
  teamId: idSchema,
  name: text("Their name", 1, 80),
  email: emailSchema,
});
export type InviteInput = z.infer<typeof inviteSchema>;

const HEADCOUNT_MESSAGE = "Enter how many people work in the organisation, a whole number from 1 to 100000.";

/** People in the org: a Scorecard campaign link accepts at most this many answers. Absent or empty keeps the current value. */
export const headcountSchema = z.preprocess(
  (v) => (v === "" || v === null ? undefined : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: HEADCOUNT_MESSAGE }).int(HEADCOUNT_MESSAGE).min(1, HEADCOUNT_MESSAGE).max(100_000, HEADCOUNT_MESSAGE).optional(),
);

export const orgSettingsSchema = z.object({
  name: text("The organisation's name", 2, 80),
  timeZone: timeZoneSchema,
  /** The day PPPs are due, 1 = Monday … 7 = Sunday; absent keeps the current day. */
  pppDueWeekday: z
    .preprocess(
      (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
      z
        .number({ error: "Choose a day of the week." })
        .int("Choose a day of the week.")
        .min(1, "Choose a day of the week.")
        .max(7, "Choose a day of the week."),
    )
    .optional(),
  headcount: headcountSchema,
});

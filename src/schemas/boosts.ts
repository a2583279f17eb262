import { z } from "zod";
import { submissionIdSchema } from "./common";
import { dateField, idSchema, text } from "./fields";

/** The value of "to" when a boost is open to every other team of the org. */
export const ANY_TEAM = "any";

const optionalId = (message: string) =>
  z
    .union([idSchema, z.literal(""), z.null()], { error: message })
    .optional()
    .transform((v) => v || null);

export const boostSchema = z
  .object({
    toTeamId: z.union([z.literal(ANY_TEAM), idSchema], { error: "Choose the team to ask, or any team." }),
    need: text("What you need", 10, 600),
    neededBy: dateField("The date you need it by"),
    objectiveId: optionalId("Choose one of your team's objectives."),
    problemThreadId: optionalId("Choose one of your team's PPP problems."),
    submissionId: z
      .union([submissionIdSchema, z.literal("")])
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((b, ctx) => {
    if (!b.objectiveId && !b.problemThreadId)
      ctx.addIssue({ code: "custom", path: ["objectiveId"], message: "Say which of your objectives or PPP problems this unblocks." });
  });
export type BoostInput = z.infer<typeof boostSchema>;

export const boostDeclineSchema = z.object({
  reason: text("The reason", 3, 600),
});

export const boostMessageSchema = z.object({
  body: text("The message", 1, 1000),
});

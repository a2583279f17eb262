import { z } from "zod";
import { idSchema, optionalResultIdSchema, optionalText } from "./fields";
import { answersFromForm, scorecardAnswersSchema } from "./scorecard";

export const openCampaignSchema = z.object({
  name: optionalText("The campaign's name", 60),
  /** Ties the campaign to a wave of the org (the pages offer the active one). */
  waveId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema.optional()),
  /** Present only when the admin ticked "count my Scorecard result as a leader's answer". */
  leaderResultId: optionalResultIdSchema,
});
export type OpenCampaignInput = z.infer<typeof openCampaignSchema>;

const LEADER_MESSAGE = "Answer yes or no, or leave the question out.";

export const campaignResponseSchema = z.object({
  answers: scorecardAnswersSchema,
  /** "Do you lead a team or the org?" Optional: left out counts with everyone else. */
  leader: z.boolean({ error: LEADER_MESSAGE }).optional(),
});
export type CampaignResponseInput = z.infer<typeof campaignResponseSchema>;

/** The campaign form: the quiz's radio groups plus the optional leader question ("yes"/"no"). */
export function campaignFormToInput(form: FormData): unknown {
  const leader = form.get("leader");
  return {
    answers: answersFromForm(form),
    leader: leader === "yes" ? true : leader === "no" ? false : leader === null || leader === "" ? undefined : leader,
  };
}

export const SHARE_EXPIRY_DAYS = [7, 30, 90] as const;
const EXPIRY_MESSAGE = "Choose when the link expires: in 7, 30 or 90 days, or never.";

export const shareLinkSchema = z.object({
  campaignId: idSchema,
  /** Days until the link stops working; null never expires. Forms send "7", "30", "90" or "never". */
  expiresInDays: z.preprocess(
    (v) => (v === "never" ? null : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v),
    z.union([z.literal(7), z.literal(30), z.literal(90), z.null()], { error: EXPIRY_MESSAGE }),
  ),
});
export type ShareLinkInput = z.infer<typeof shareLinkSchema>;

import { z } from "zod";
import { MAX_ANONYMITY_K, MIN_ANONYMITY_K } from "../domain/anonymity";
import { MAX_COMMENT_LENGTH } from "../domain/pulse/scale";
import { submissionIdSchema } from "./common";
import { idSchema } from "./fields";

const SCORE_MESSAGE = "Choose a score from 1 (Struggling) to 5 (Exceeding).";

export const voteSchema = z.object({
  objectiveId: idSchema,
  score: z.number({ error: SCORE_MESSAGE }).int(SCORE_MESSAGE).min(1, SCORE_MESSAGE).max(5, SCORE_MESSAGE),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH} characters.`)
    .optional()
    .transform((v) => (v ? v : null)),
});

export const voteSubmissionSchema = z
  .object({
    submissionId: submissionIdSchema,
    votes: z
      .array(voteSchema, { error: "Send the votes as a list." })
      .min(1, "Rate at least one objective.")
      .max(20, "Too many votes in one submission."),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.votes.forEach((v, i) => {
      if (seen.has(v.objectiveId)) ctx.addIssue({ code: "custom", path: ["votes", i, "objectiveId"], message: "One vote per objective." });
      seen.add(v.objectiveId);
    });
  });
export type VoteSubmission = z.infer<typeof voteSubmissionSchema>;

/**
 * Reads the pulse form: a radio group `score_<objectiveId>` and a text field
 * `comment_<objectiveId>` per objective. Objectives left unrated are simply not voted on; a
 * comment without a score is kept so validation can ask for the score.
 */
export function pulseFormToInput(form: FormData): {
  submissionId: string | undefined;
  votes: { objectiveId: string; score: number; comment?: string }[];
} {
  const ids = new Set<string>();
  for (const key of form.keys()) {
    const m = /^(?:score|comment)_([A-Za-z0-9_-]{1,64})$/.exec(key);
    if (m) ids.add(m[1]);
  }
  const votes: { objectiveId: string; score: number; comment?: string }[] = [];
  for (const id of ids) {
    const score = form.get(`score_${id}`);
    const comment = form.get(`comment_${id}`);
    const hasComment = typeof comment === "string" && comment.trim() !== "";
    const hasScore = typeof score === "string" && score !== "";
    if (!hasScore && !hasComment) continue;
    votes.push({
      objectiveId: id,
      score: hasScore && /^\d$/.test(score) ? Number(score) : Number.NaN,
      comment: hasComment ? comment : undefined,
    });
  }
  const submissionId = form.get("submission_id");
  return { submissionId: typeof submissionId === "string" ? submissionId : undefined, votes };
}

export const anonymityKSchema = z.object({
  anonymityK: z.preprocess(
    (v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v),
    z
      .number({ error: `Choose a threshold from ${MIN_ANONYMITY_K} to ${MAX_ANONYMITY_K}.` })
      .int()
      .min(MIN_ANONYMITY_K, `The threshold is at least ${MIN_ANONYMITY_K}.`)
      .max(MAX_ANONYMITY_K, `The threshold is at most ${MAX_ANONYMITY_K}.`),
  ),
});

/** How a team runs its pulse: its shared link, or one personal link per address and week. */
export const pulseModeSchema = z.object({
  mode: z.enum(["shared", "personal"], { error: "Choose the shared link or personal links." }),
});

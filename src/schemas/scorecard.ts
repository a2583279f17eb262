import { z } from "zod";
import { STATEMENTS } from "../domain/scorecard/statements";
import { emailSchema, submissionIdSchema } from "./common";

const ANSWER_MESSAGE = "Choose how much you agree, from 1 (strongly disagree) to 5 (strongly agree).";

const answerSchema = z.number({ error: ANSWER_MESSAGE }).int(ANSWER_MESSAGE).min(1, ANSWER_MESSAGE).max(5, ANSWER_MESSAGE);

/** One answer per statement id; unknown keys are refused so typos do not pass silently. */
export const scorecardAnswersSchema = z.strictObject(
  Object.fromEntries(STATEMENTS.map((s) => [s.id, answerSchema])) as Record<string, typeof answerSchema>,
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? "Unknown statement id." : "Answers must be an object of statement id to 1–5."),
  },
);

export const scorecardSubmissionSchema = z.object({
  submissionId: submissionIdSchema,
  answers: scorecardAnswersSchema,
});
export type ScorecardSubmission = z.infer<typeof scorecardSubmissionSchema>;

export const scorecardEmailSchema = z.object({
  email: emailSchema,
  submissionId: submissionIdSchema,
});
export type ScorecardEmailRequest = z.infer<typeof scorecardEmailSchema>;

/**
 * Reads the quiz's HTML form into the submission shape: each statement is a radio group named
 * by its id, and an unanswered group stays absent so the schema reports it beside the question.
 */
export function scorecardFormToInput(form: FormData): unknown {
  const submissionId = form.get("submission_id");
  return { submissionId: typeof submissionId === "string" ? submissionId : undefined, answers: answersFromForm(form) };
}

/** The statements' radio groups of a posted quiz form; unanswered ones stay absent. */
export function answersFromForm(form: FormData): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const s of STATEMENTS) {
    const raw = form.get(s.id);
    if (typeof raw === "string" && raw !== "") answers[s.id] = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  }
  return answers;
}

import { z } from "zod";
import { CHAT_KINDS, chatChannelUrlProblem } from "../domain/chat/channels";

/** A chat channel to connect: which service, and its webhook URL (checked against that service's hosts). */
export const chatChannelSchema = z
  .object({
    kind: z.enum(CHAT_KINDS, { error: "Choose Slack or Microsoft Teams." }),
    url: z
      .string({ error: "Paste the channel's webhook URL." })
      .trim()
      .min(1, "Paste the channel's webhook URL.")
      .max(2000, "The URL can be at most 2000 characters."),
  })
  .superRefine((c, ctx) => {
    const problem = chatChannelUrlProblem(c.kind, c.url);
    if (problem) ctx.addIssue({ code: "custom", path: ["url"], message: problem });
  });
export type ChatChannelInput = z.infer<typeof chatChannelSchema>;

/** The form: a kind select and a URL field. */
export function chatChannelFormToInput(form: FormData): unknown {
  return { kind: form.get("kind") ?? "", url: form.get("url") ?? "" };
}

import { z } from "zod";
import { WEBHOOK_EVENTS } from "../domain/webhooks";

const EVENTS_MESSAGE = "Choose at least one event.";

export const webhookEndpointSchema = z.object({
  url: z
    .string({ error: "Enter the endpoint's URL." })
    .trim()
    .min(1, "Enter the endpoint's URL.")
    .max(2000, "The URL can be at most 2000 characters."),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: "Choose events from the list." }), { error: EVENTS_MESSAGE })
    .min(1, EVENTS_MESSAGE)
    .max(WEBHOOK_EVENTS.length),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;

/** The form: a URL field and one checkbox per event. */
export function webhookFormToInput(form: FormData): unknown {
  return { url: form.get("url") ?? "", events: form.getAll("events").filter((v) => typeof v === "string") };
}

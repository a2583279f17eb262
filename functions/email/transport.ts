import { EmailMessage } from "cloudflare:email";
import { addressOnly, buildMime, type MimeInput } from "./mime";

export type OutgoingEmail = Omit<MimeInput, "from">;

/** Where a message goes once the outbox releases it. */
export interface Transport {
  name: "cloudflare" | "local";
  send(message: OutgoingEmail): Promise<void>;
}

/** Production: the raw MIME message through Cloudflare Email Service's send_email binding. */
export function cloudflareTransport(binding: SendEmail, from: string): Transport {
  return {
    name: "cloudflare",
    async send(message) {
      const raw = buildMime({ ...message, from }, boundaryFor(message.messageId));
      await binding.send(new EmailMessage(addressOnly(from), addressOnly(message.to), raw));
    },
  };
}

/**
 * Local development: delivery means keeping the message. The outbox row already holds every
 * part, so /dev/outbox shows it exactly as it would have been sent.
 */
export const localTransport: Transport = {
  name: "local",
  async send() {},
};

/** Local builds (npm start, tests) keep mail; production builds send it. */
export function transportFor(env: Env): Transport {
  return __MISTVINE_LOCAL__ ? localTransport : cloudflareTransport(env.EMAIL, env.MAIL_FROM);
}

/** A MIME boundary that cannot occur in base64 bodies (it contains '=' and '_'). */
export function boundaryFor(messageId: string): string {
  return `=_mistvine_${messageId.replace(/[^A-Za-z0-9]/g, "").slice(0, 40)}`;
}

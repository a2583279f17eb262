import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import { AppError } from "../../functions/services/errors";
import { getOutboxMessage, outboxMessageSource } from "../../functions/services/outbox";

/** The raw MIME source of one outbox message, as a downloadable .eml file. */
export const GET: APIRoute = async ({ params }) => {
  try {
    const message = await getOutboxMessage(env.DB, Number(params.id));
    return new Response(outboxMessageSource(message, env.MAIL_FROM), {
      headers: { "content-type": "message/rfc822", "content-disposition": `attachment; filename="outbox-${message.id}.eml"` },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response("No such message.", { status: 404 });
    throw error;
  }
};

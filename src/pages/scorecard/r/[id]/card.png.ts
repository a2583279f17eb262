import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import { AppError } from "../../../../../functions/services/errors";
import { getScorecardCard } from "../../../../../functions/services/scorecard-card";

/**
 * A result's share card (og:image), 1200 × 630 PNG. A result never changes, so browsers and
 * Cloudflare's cache may keep the card for a year; the Worker draws it only on the first view.
 */
export const GET: APIRoute = async ({ params }) => {
  try {
    const { png, made } = await getScorecardCard(env.DB, params.id ?? "");
    return new Response(png as BodyInit, {
      headers: {
        "Content-Type": "image/png",
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Card": made ? "drawn" : "stored",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.status === 404)
      return new Response("No such result.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
};

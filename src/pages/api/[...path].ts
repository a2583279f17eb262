import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import { app } from "../../../functions/api/app";

/** The only bridge between Astro and the Hono API: every /api/* request goes to Hono. */
export const ALL: APIRoute = ({ request, locals }) => app.fetch(request, env, locals.cfContext);

import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import { seedDemo } from "../../functions/services/seed";

/** Local only: seeds the demo data once; `npm start` calls it after the Worker is up. */
export const POST: APIRoute = async () => Response.json(await seedDemo(env.DB, new Date()));

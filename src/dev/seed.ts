import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import { seedDemo } from "../../functions/services/seed";
import { BENCH_ADMIN, BENCH_ORG, seedLargeOrg } from "../../functions/services/seed/large-org";

/**
 * Local only: seeds the demo data once (`npm start` calls it after the Worker is up);
 * `?bench=1` seeds the 50-team org the benchmark reads instead.
 */
export const POST: APIRoute = async ({ url }) => {
  if (url.searchParams.get("bench") === "1") {
    const created = await seedLargeOrg(env.DB, new Date());
    return Response.json({ created, slug: BENCH_ORG.slug, admin: BENCH_ADMIN.email });
  }
  return Response.json(await seedDemo(env.DB, new Date()));
};

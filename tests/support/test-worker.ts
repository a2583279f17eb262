/**
 * The Worker as the workers test project sees it: the real scheduled handler, and fetch
 * answered by the Hono API directly (Astro's page handler needs the build's virtual modules).
 */
import worker from "../../functions/worker";
import { app } from "../../functions/api/app";

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>;

/**
 * The Worker as the workers test project sees it: the real scheduled handler, and fetch
 * answered by the Hono API directly (Astro's page handler needs the build's virtual modules),
 * in a D1 session per request as in production.
 */
import { withD1Session } from "../../functions/db/d1-session";
import { carriesSession } from "../../functions/services/auth";
import worker from "../../functions/worker";
import { app } from "../../functions/api/app";

export default {
  fetch: (request, env, ctx) => withD1Session(request, env, carriesSession(request), async (session) => app.fetch(request, session, ctx)),
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>;

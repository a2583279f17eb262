import { withEnv } from "cloudflare:workers";
import { withD1Session } from "./db/d1-session";
import { countingD1, ROUND_TRIPS_HEADER } from "./db/round-trips";
import { runScheduledJobs } from "./jobs";
import { carriesSession } from "./services/auth";
import { flushWebhooks } from "./services/webhooks";

/**
 * Local builds only: the method and path of the latest requests that reached Worker code, read
 * at /dev/requests. The browser tests use it to prove that a GET of a prerendered page (/,
 * /scorecard) is answered by Workers Static Assets and never runs the Worker.
 */
const seen: string[] = [];
const SEEN_MAX = 500;

/** Statuses whose response has no body (a Response built with one throws). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * Local builds only: answers the request with its D1 round trips in the
 * `x-mistvine-d1-round-trips` header, for `npm run bench`. The request's D1 (the env passed on
 * and the `env` that pages import from cloudflare:workers) is wrapped with the counter of the
 * no-N+1 tests, and the body is read to the end first, so a component that read while the page
 * streamed is counted too.
 */
async function countedFetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const counter = countingD1(env.DB);
  const counted: Env = { ...env, DB: counter.db };
  const response = (await withEnv(counted, () => answer(request, counted, ctx))) as Response;
  const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
  const headers = new Headers(response.headers);
  headers.set(ROUND_TRIPS_HEADER, String(counter.roundTrips()));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** A write by a member: the only requests that can emit webhook events (see services/webhooks.ts). */
function changesOrgData(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const { pathname } = new URL(request.url);
  return pathname.startsWith("/o/") || pathname.startsWith("/api/orgs/");
}

async function answer(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  // Loaded on first request so the scheduled handler can be imported without Astro's build.
  const { handle } = await import("@astrojs/cloudflare/handler");
  const response = await handle(request, env, ctx);
  // A change to org data may have queued webhook deliveries: send what is due after answering,
  // so a receiver hears within seconds, not at the next cron (which stays the safety net for
  // retries). Only members change org data (pages under /o/, the API under /api/orgs/); an
  // anonymous vote, a campaign answer or a quiz never emits an event, so they pay no extra query.
  if (changesOrgData(request)) {
    ctx.waitUntil(
      flushWebhooks(env.DB, (url, init) => fetch(url, init), new Date(), 10).catch((error: unknown) =>
        console.error("webhook flush failed", error instanceof Error ? error.message : String(error)),
      ),
    );
  }
  return response;
}

/**
 * The Worker: Astro (pages and the /api bridge) answers fetch, each request's queries in one
 * D1 session started from the browser's bookmark (db/d1-session.ts), with the env that pages
 * import bound to it; the jobs answer the cron.
 */
export default {
  async fetch(request, env, ctx) {
    if (__MISTVINE_LOCAL__) {
      const { pathname } = new URL(request.url);
      if (pathname === "/dev/requests") return Response.json({ requests: seen });
      seen.push(`${request.method} ${pathname}`);
      if (seen.length > SEEN_MAX) seen.splice(0, seen.length - SEEN_MAX);
      return withD1Session(request, env, carriesSession(request), (session) => countedFetch(request, session, ctx));
    }
    return withD1Session(
      request,
      env,
      carriesSession(request),
      (session) => withEnv(session, () => answer(request, session, ctx)) as Promise<Response>,
    );
  },
  scheduled(controller, env, ctx) {
    ctx.waitUntil(
      runScheduledJobs(env, new Date(controller.scheduledTime)).then((summary) => {
        console.log(JSON.stringify({ cron: controller.cron, ...summary }));
      }),
    );
  },
} satisfies ExportedHandler<Env>;

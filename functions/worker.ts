import { runScheduledJobs } from "./jobs";
import { flushWebhooks } from "./services/webhooks";

/**
 * Local builds only: the method and path of the latest requests that reached Worker code, read
 * at /dev/requests. The browser tests use it to prove that a GET of a prerendered page (/,
 * /scorecard) is answered by Workers Static Assets and never runs the Worker.
 */
const seen: string[] = [];
const SEEN_MAX = 500;

/** The Worker: Astro (pages and the /api bridge) answers fetch; the jobs answer the cron. */
export default {
  async fetch(request, env, ctx) {
    if (__MISTVINE_LOCAL__) {
      const { pathname } = new URL(request.url);
      if (pathname === "/dev/requests") return Response.json({ requests: seen });
      seen.push(`${request.method} ${pathname}`);
      if (seen.length > SEEN_MAX) seen.splice(0, seen.length - SEEN_MAX);
    }
    // Loaded on first request so the scheduled handler can be imported without Astro's build.
    const { handle } = await import("@astrojs/cloudflare/handler");
    const response = await handle(request, env, ctx);
    // A change may have queued webhook deliveries: send what is due after answering, so a
    // receiver hears within seconds, not at the next cron (which stays the safety net for retries).
    if (request.method !== "GET" && request.method !== "HEAD") {
      ctx.waitUntil(
        flushWebhooks(env.DB, (url, init) => fetch(url, init), new Date(), 10).catch((error: unknown) =>
          console.error("webhook flush failed", error instanceof Error ? error.message : String(error)),
        ),
      );
    }
    return response;
  },
  scheduled(controller, env, ctx) {
    ctx.waitUntil(
      runScheduledJobs(env, new Date(controller.scheduledTime)).then((summary) => {
        console.log(JSON.stringify({ cron: controller.cron, ...summary }));
      }),
    );
  },
} satisfies ExportedHandler<Env>;

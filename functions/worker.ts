import { runScheduledJobs } from "./jobs";

/** The Worker: Astro (pages and the /api bridge) answers fetch; the jobs answer the cron. */
export default {
  async fetch(request, env, ctx) {
    // Loaded on first request so the scheduled handler can be imported without Astro's build.
    const { handle } = await import("@astrojs/cloudflare/handler");
    return handle(request, env, ctx);
  },
  scheduled(controller, env, ctx) {
    ctx.waitUntil(
      runScheduledJobs(env, new Date(controller.scheduledTime)).then((summary) => {
        console.log(JSON.stringify({ cron: controller.cron, ...summary }));
      }),
    );
  },
} satisfies ExportedHandler<Env>;

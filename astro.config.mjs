// @ts-check
import cloudflare from "@astrojs/cloudflare";
import { defineConfig } from "astro/config";

/**
 * MISTVINE_LOCAL=1 makes a local build (npm start, tests): email stays in the outbox and the
 * /dev routes exist. Any other build is for production and contains neither.
 */
const local = process.env.MISTVINE_LOCAL === "1";

/** @type {import("astro").AstroIntegration} */
const devRoutes = {
  name: "mistvine-dev-routes",
  hooks: {
    "astro:config:setup": ({ injectRoute }) => {
      if (!local) return;
      injectRoute({ pattern: "/dev/seed", entrypoint: "./src/dev/seed.ts" });
      injectRoute({ pattern: "/dev/outbox", entrypoint: "./src/dev/outbox.astro" });
      injectRoute({ pattern: "/dev/outbox/[id].eml", entrypoint: "./src/dev/outbox-source.ts" });
      injectRoute({ pattern: "/dev/outbox/[id]", entrypoint: "./src/dev/outbox-message.astro" });
    },
  },
};

export default defineConfig({
  output: "server",
  adapter: cloudflare({ imageService: "passthrough" }),
  integrations: [devRoutes],
  // Mistvine keeps its own sessions in D1; Astro's KV-backed sessions would add a binding we do not use.
  session: false,
  // CSRF defence lives in src/middleware.ts so refusals carry the API's error envelope.
  security: { checkOrigin: false },
  build: { inlineStylesheets: "auto" },
  vite: {
    define: { __MISTVINE_LOCAL__: JSON.stringify(local) },
    // Never inline scripts into HTML: the CSP allows scripts from our origin only.
    build: { assetsInlineLimit: 0 },
  },
});

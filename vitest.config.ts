import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Two projects in one run:
 * - workers: unit and integration tests beside their modules, inside workerd with a real
 *   local D1 (migrations applied in the setup file).
 * - browser: end-to-end tests in tests/e2e that build the app, serve it with `wrangler dev`
 *   and drive it in headless Chromium.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    test: {
      projects: [
        {
          define: { __MISTVINE_LOCAL__: "true" },
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              main: "./tests/support/test-worker.ts",
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: {
            name: "workers",
            include: ["src/**/*.test.ts", "functions/**/*.test.ts"],
            setupFiles: ["./tests/support/workers-setup.ts"],
          },
        },
        {
          test: {
            name: "browser",
            include: ["tests/e2e/**/*.test.ts"],
            environment: "node",
            globalSetup: ["./tests/support/browser-global-setup.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            // One Chromium at a time: the machines have two cores.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});

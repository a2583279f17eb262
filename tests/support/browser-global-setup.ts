/**
 * Browser test setup: one local build, a fresh D1 in a temporary folder, and `wrangler dev`
 * on a free port. Every browser test file talks to this one server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT, buildLocal, freePort, migrateLocal, startServer } from "../../scripts/dev-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  buildLocal(true);
  const persistTo = mkdtempSync(join(ROOT, ".tmp-e2e-"));
  migrateLocal(persistTo, true);
  const server = await startServer({ port: await freePort(), persistTo, host: "127.0.0.1" });
  project.provide("baseUrl", server.url.replace("127.0.0.1", "localhost"));
  return async () => {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}

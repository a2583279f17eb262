/**
 * npm start: build, migrate the local D1, serve on :8787, seed the demo data once, print the
 * URLs. Data lives in .wrangler/state and survives restarts. `npm run dev` skips the build.
 */
import { buildLocal, migrateLocal, startServer } from "./dev-server.ts";

const PORT = Number(process.env.PORT ?? 8787);
const PERSIST = ".wrangler/state";

function step(message: string): void {
  process.stdout.write(`\n▸ ${message}\n`);
}

if (!process.argv.includes("--no-build")) {
  step("Building the Worker (local build: email stays in /dev/outbox)…");
  buildLocal();
}
step("Applying D1 migrations to the local database…");
migrateLocal(PERSIST);
step(`Starting the Worker on http://localhost:${PORT} …`);
const server = await startServer({ port: PORT, persistTo: PERSIST, inherit: true });

step("Seeding demo data (only the first time)…");
const seeded = await fetch(`${server.url}/dev/seed`, { method: "POST", headers: { origin: server.url } });
const seed = (await seeded.json()) as { created: boolean; summary: string[] };
if (!seeded.ok) throw new Error(`seeding failed: ${JSON.stringify(seed)}`);
process.stdout.write(`  ${seed.created ? "Seeded" : "Already seeded"}: ${seed.summary.join("; ")}\n`);

const base = `http://localhost:${PORT}`;
process.stdout.write(`
Mistvine is running. Open:
  ${base}/                 landing page
  ${base}/scorecard        the Aligned Autonomy Scorecard (works without JavaScript)
  ${base}/dev/outbox       every email the app has sent (local only)
  ${base}/api/health       API health check

Stop with Ctrl+C. Data is kept in ${PERSIST} between runs.
`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
server.process.on("exit", (code) => process.exit(code ?? 0));

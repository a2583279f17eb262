/**
 * npm run lighthouse: the Lighthouse budgets of QUALITY.md on the pages people reach without
 * an account — /, /scorecard, a Scorecard result and a team's pulse link — against the built
 * Worker on a fresh local D1. Lighthouse is fetched with npx on first use (it is not a
 * dependency of the app or its tests) and drives the Chromium the browser tests use.
 * Exits non-zero when a budget is missed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, buildLocal, freePort, migrateLocal, startServer } from "../../scripts/dev-server.ts";
import { browserExecutable } from "../support/browser.ts";
import { signInWithFetch } from "../support/browser-flows.ts";

const LIGHTHOUSE = "lighthouse@12";
/** Budgets: performance and best practices at least, accessibility exactly. */
const BUDGET = { performance: 0.95, accessibility: 1, "best-practices": 0.95 };

process.stdout.write("Building and starting the Worker…\n");
buildLocal(true);
const persistTo = mkdtempSync(join(ROOT, ".tmp-e2e-lighthouse-"));
migrateLocal(persistTo, true);
const server = await startServer({ port: await freePort(), persistTo, host: "127.0.0.1" });
let failed = false;
try {
  const base = server.url;
  await fetch(`${base}/dev/seed`, { method: "POST", headers: { origin: base } });
  const answers = (await (await fetch(`${base}/api/scorecard/statements`)).json()) as { statements: { id: string }[] };
  const created = (await (
    await fetch(`${base}/api/scorecard/results`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        submissionId: `lighthouse-${Date.now()}-0001`,
        answers: Object.fromEntries(answers.statements.map((s, i) => [s.id, 1 + (i % 5)])),
      }),
    })
  ).json()) as { url: string };
  const cookie = await signInWithFetch(base, "admin@northwind.example");
  const teams = (await (await fetch(`${base}/api/orgs/northwind/teams`, { headers: { cookie } })).json()) as {
    teams: { id: string; name: string }[];
  };
  const payments = teams.teams.find((t) => t.name === "Payments")!;
  const link = (await (await fetch(`${base}/api/orgs/northwind/teams/${payments.id}/pulse-link`, { headers: { cookie } })).json()) as {
    path: string;
  };

  const chrome = await browserExecutable();
  const pages = [
    { path: "/", budget: true },
    { path: "/scorecard", budget: true },
    { path: link.path, budget: true },
    { path: created.url, budget: false },
  ];
  const rows: string[][] = [];
  for (const page of pages) {
    const out = join(persistTo, "report.json");
    const run = spawnSync(
      "npx",
      [
        "-y",
        LIGHTHOUSE,
        `${base}${page.path}`,
        "--quiet",
        "--output=json",
        `--output-path=${out}`,
        "--only-categories=performance,accessibility,best-practices",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
      ],
      { cwd: ROOT, env: { ...process.env, CHROME_PATH: chrome }, encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`lighthouse failed on ${page.path}:\n${run.stderr}`);
    const report = JSON.parse(readFileSync(out, "utf8")) as { categories: Record<string, { score: number }> };
    const scores = Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, v.score]));
    const missed = page.budget && Object.entries(BUDGET).some(([k, min]) => (scores[k] ?? 0) < min);
    failed ||= missed;
    rows.push([
      page.path.replace(/[A-Za-z0-9_-]{22}$/, "{id}"),
      ...Object.keys(BUDGET).map((k) => String(Math.round((scores[k] ?? 0) * 100))),
      page.budget ? (missed ? "MISSED" : "met") : "(no Lighthouse budget)",
    ]);
  }
  const header = ["page", "performance", "accessibility", "best practices", "budget"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n`);
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;

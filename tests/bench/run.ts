/**
 * npm run bench: builds the Worker, serves it with `wrangler dev` on a fresh local D1, seeds a
 * 50-team org, and drives routes with concurrent clients. Prints throughput and latency for
 * each route next to a no-op route measured in the same run, so the ratio is what to compare
 * across machines, and the D1 round trips each request made (the local build reports them in
 * the x-mistvine-d1-round-trips header, see functions/worker.ts): a fixed number whatever the
 * org's size, at most 3 for a page or API read.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, buildLocal, freePort, migrateLocal, startServer } from "../../scripts/dev-server.ts";
import { signInWithFetch } from "../support/browser-flows.ts";
import { answerRequest, openBenchCampaign } from "./campaign.ts";

/** ROUND_TRIPS_HEADER of functions/db/round-trips.ts (that module needs the Workers types). */
const ROUND_TRIPS_HEADER = "x-mistvine-d1-round-trips";
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;

interface Result {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  /** D1 round trips per request: the fewest and the most seen ("?" when no response said). */
  roundTrips: string;
}

async function measure(name: string, send: (i: number) => Promise<Response>): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const trips: number[] = [];
  const deadline = performance.now() + DURATION_MS;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const i = issued++;
      const t0 = performance.now();
      try {
        const res = await send(i);
        await res.arrayBuffer();
        const header = res.headers.get(ROUND_TRIPS_HEADER);
        if (header !== null) trips.push(Number(header));
        if (res.status >= 400) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const low = Math.min(...trips);
  const high = Math.max(...trips);
  const roundTrips = trips.length === 0 ? "?" : low === high ? String(low) : `${low}–${high}`;
  return { name, requests: latencies.length, errors, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), roundTrips };
}

process.stdout.write("Building and starting the Worker…\n");
buildLocal(true);
const persistTo = mkdtempSync(join(ROOT, ".tmp-e2e-bench-"));
migrateLocal(persistTo, true);
const server = await startServer({ port: await freePort(), persistTo, host: "127.0.0.1" });
try {
  const base = server.url;
  process.stdout.write("Seeding a 50-team org…\n");
  const seed = (await (await fetch(`${base}/dev/seed?bench=1`, { method: "POST", headers: { origin: base } })).json()) as {
    slug: string;
    admin: string;
  };
  const cookie = await signInWithFetch(base, seed.admin);
  const headers = { cookie };

  // Warm up each route so the first compile of a chunk is not measured.
  for (const path of [
    "/api/health",
    `/o/${seed.slug}`,
    `/api/orgs/${seed.slug}/board`,
    `/o/${seed.slug}/ppp`,
    `/o/${seed.slug}/boosts`,
    `/o/${seed.slug}/teams`,
    `/o/${seed.slug}/reports`,
    `/o/${seed.slug}/actions`,
    `/api/orgs/${seed.slug}/actions`,
  ])
    await (await fetch(`${base}${path}`, { headers })).arrayBuffer();

  process.stdout.write(`Measuring: ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per route.\n\n`);
  const results: Result[] = [];
  results.push(await measure("no-op  GET /api/health", () => fetch(`${base}/api/health`)));
  results.push(await measure("board  GET /o/bench-50 (HTML, 50 teams)", () => fetch(`${base}/o/${seed.slug}`, { headers })));
  results.push(
    await measure("board  GET /api/orgs/bench-50/board (JSON)", () => fetch(`${base}/api/orgs/${seed.slug}/board`, { headers })),
  );
  results.push(
    await measure("action GET /o/bench-50/actions (HTML, Action Center)", () => fetch(`${base}/o/${seed.slug}/actions`, { headers })),
  );
  results.push(
    await measure("action GET /api/orgs/bench-50/actions (JSON)", () => fetch(`${base}/api/orgs/${seed.slug}/actions`, { headers })),
  );
  results.push(await measure("ppp    GET /o/bench-50/ppp (HTML, weekly summary)", () => fetch(`${base}/o/${seed.slug}/ppp`, { headers })));
  const firstTeam = ((await (await fetch(`${base}/api/orgs/${seed.slug}/teams`, { headers })).json()) as { teams: { id: string }[] })
    .teams[0].id;
  results.push(
    await measure("team   GET /o/bench-50/teams/{id} (HTML, team page)", () =>
      fetch(`${base}/o/${seed.slug}/teams/${firstTeam}`, { headers }),
    ),
  );
  results.push(
    await measure("team   GET /api/orgs/bench-50/teams/{id} (JSON)", () =>
      fetch(`${base}/api/orgs/${seed.slug}/teams/${firstTeam}`, { headers }),
    ),
  );
  results.push(await measure("boosts GET /o/bench-50/boosts (HTML)", () => fetch(`${base}/o/${seed.slug}/boosts`, { headers })));
  results.push(await measure("teams  GET /o/bench-50/teams (HTML, 50 teams)", () => fetch(`${base}/o/${seed.slug}/teams`, { headers })));
  const wave = ((await (await fetch(`${base}/api/orgs/${seed.slug}/waves`, { headers })).json()) as { waves: { id: string }[] }).waves[0]
    .id;
  results.push(
    await measure("wave   GET /o/bench-50/waves/{id} (HTML, wave plan)", () => fetch(`${base}/o/${seed.slug}/waves/${wave}`, { headers })),
  );
  results.push(
    await measure("report GET /o/bench-50/reports (HTML, org report preview)", () => fetch(`${base}/o/${seed.slug}/reports`, { headers })),
  );
  const campaign = await openBenchCampaign(base, seed.slug, headers);
  results.push(
    await measure("answer POST /s/{token} (campaign, a new browser each)", (i) => fetch(`${base}/s/${campaign}`, answerRequest(base, i))),
  );
  results.push(await measure("result GET /o/bench-50/results (snapshot)", () => fetch(`${base}/o/${seed.slug}/results`, { headers })));

  // Vote submit: each request is a new browser voting on its team's two objectives, spread
  // round-robin over the 50 teams' pulse links.
  const teams = ((await (await fetch(`${base}/api/orgs/${seed.slug}/teams`, { headers })).json()) as { teams: { id: string }[] }).teams;
  const links: { token: string; objectives: string[] }[] = [];
  for (const t of teams) {
    const { path } = (await (await fetch(`${base}/api/orgs/${seed.slug}/teams/${t.id}/pulse-link`, { headers })).json()) as {
      path: string;
    };
    const token = path.split("/").pop() as string;
    const page = (await (await fetch(`${base}/api/pulse/${token}`)).json()) as { objectives: { id: string }[] };
    links.push({ token, objectives: page.objectives.map((o) => o.id) });
  }
  results.push(
    await measure("vote   POST /api/pulse/{token}/votes (new browser)", (i) => {
      const link = links[i % links.length];
      return fetch(`${base}/api/pulse/${link.token}/votes`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({
          submissionId: `bench-${i.toString().padStart(12, "0")}`,
          votes: link.objectives.map((objectiveId, j) => ({ objectiveId, score: 1 + ((i + j) % 5) })),
        }),
      });
    }),
  );

  const noop = results[0];
  const rows = results.map((r) => [
    r.name,
    r.requests.toString(),
    r.errors.toString(),
    r.rps.toFixed(0),
    r.roundTrips,
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    `${((r.rps / noop.rps) * 100).toFixed(0)}%`,
    `${(r.p99 / noop.p99).toFixed(1)}×`,
  ]);
  const header = ["route", "requests", "errors", "req/s", "D1 round trips", "p50 ms", "p99 ms", "throughput vs no-op", "p99 vs no-op"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  process.stdout.write(`${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n`);
  if (results.some((r) => r.errors > 0)) process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}

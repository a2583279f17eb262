/**
 * Builds and runs the Worker locally exactly as `npm start` serves it. Shared by the start
 * script, the browser tests and the benchmark, so all three exercise the same build.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = new URL("..", import.meta.url).pathname;
const BIN = join(ROOT, "node_modules", ".bin");

/** Quiet, non-interactive tool runs: no telemetry, no prompts, no network lookups we can avoid. */
export const TOOL_ENV = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: "1",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  NO_UPDATE_NOTIFIER: "1",
  FORCE_COLOR: "0",
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv = TOOL_ENV, quiet = false): void {
  const result = spawnSync(join(BIN, command), args, { cwd: ROOT, env, stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
  }
}

/** A local build: mail stays in the outbox and the /dev routes exist. */
export function buildLocal(quiet = false): void {
  run("astro", ["build"], { ...TOOL_ENV, MISTVINE_LOCAL: "1" }, quiet);
}

/** Applies every migration to the local D1 kept in `persistTo`. */
export function migrateLocal(persistTo: string, quiet = false): void {
  run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], TOOL_ENV, quiet);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `wrangler dev` on the built Worker and resolves once /api/health answers. Links in
 * emails come from PUBLIC_URL, never from the request's Host, so the server is told the origin
 * people open (`publicUrl`, by default http://localhost:{port}).
 */
export async function startServer(opts: {
  port: number;
  persistTo: string;
  host?: string;
  publicUrl?: string;
  inherit?: boolean;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const host = opts.host ?? "localhost";
  const publicUrl = opts.publicUrl ?? `http://localhost:${opts.port}`;
  const child = spawn(
    join(BIN, "wrangler"),
    [
      "dev",
      "-c",
      "dist/server/wrangler.json",
      "--persist-to",
      opts.persistTo,
      "--port",
      String(opts.port),
      "--ip",
      host,
      "--var",
      `PUBLIC_URL:${publicUrl}`,
      "--show-interactive-dev-session=false",
      "--log-level",
      opts.inherit ? "info" : "warn",
    ],
    { cwd: ROOT, env: TOOL_ENV, stdio: opts.inherit ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://${host}:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, 5000);
    await once(child, "exit").catch(() => undefined);
    clearTimeout(timer);
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early (code ${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, process: child, output: () => log, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer /api/health within the timeout:\n${log}`);
}

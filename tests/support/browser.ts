/**
 * Headless Chromium for the browser tests. CHROME_PATH wins; otherwise the Chromium that
 * `npm install` brought (@sparticuz/chromium). A missing browser fails the test, never skips it.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--use-gl=angle",
  "--use-angle=swiftshader",
  "--font-render-hinting=none",
];

/** The Chromium binary: CHROME_PATH, else the one @sparticuz/chromium unpacks. */
export async function browserExecutable(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  try {
    const sparticuz = (await import("@sparticuz/chromium")).default;
    return await sparticuz.executablePath();
  } catch (error) {
    throw new Error(
      `No Chromium for the browser tests: @sparticuz/chromium could not be unpacked (${String(error)}). ` +
        "Run `npm install`, or set CHROME_PATH to a Chromium binary (for example /usr/bin/chromium).",
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await browserExecutable(), args: ARGS, headless: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page and fails listing each violation.
 * A page open with JavaScript off is checked as rendered: its HTML, scripts removed, is served
 * at the same URL to a scratch page that can run axe.
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  if (NO_JS_CONTEXTS.has(page.context())) {
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
    const browser = page.context().browser();
    if (!browser) throw new Error("no browser for the axe scratch page");
    const scratch = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const scratchPage = await scratch.newPage();
    const url = page.url();
    await scratchPage.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
    await scratchPage.goto(url);
    try {
      await runAxe(scratchPage, label);
    } finally {
      await scratch.close();
    }
    return;
  }
  await runAxe(page, label);
}

async function runAxe(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  expect(violations, `axe-core violations on ${label}`).toEqual([]);
}

/**
 * Collects every JavaScript file a page loads, with its gzip size, and any console error
 * (a CSP violation shows up there) so tests can assert none happened.
 */
export function watchPage(page: Page): { scripts: Map<string, number>; errors: string[]; gzipTotal: () => number } {
  const scripts = new Map<string, number>();
  const errors: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
    } catch {
      // The body was discarded by a navigation; it will be counted on the next load.
    }
  });
  page.on("console", (msg) => {
    // A form answered with its validation status (400, 409, 410) is the page working as designed.
    if (msg.type() === "error" && !/status of (400|409|410) /.test(msg.text())) errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return { scripts, errors, gzipTotal: () => [...scripts.values()].reduce((a, b) => a + b, 0) };
}

const NO_JS_CONTEXTS = new WeakSet<BrowserContext>();

let contexts = 0;

/**
 * A browser for one person. Each gets an address of its own (from the IPv6 documentation
 * range, sent as `cf-connecting-ip`, which `wrangler dev` passes on as Cloudflare would), so the
 * per-address rate limits of sign-in, quiz and votes treat the test's people as the different
 * people they are rather than as one address signing in forty times a minute.
 */
export async function newContext(browser: Browser, opts: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<BrowserContext> {
  const width = opts.width ?? 1280;
  contexts += 1;
  const context = await browser.newContext({
    extraHTTPHeaders: { "cf-connecting-ip": `2001:db8::${process.pid.toString(16)}:${contexts.toString(16)}` },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width, height: width < 600 ? 780 : 900 },
    deviceScaleFactor: 1,
    isMobile: width < 600,
    hasTouch: width < 600,
  });
  if (opts.javaScriptEnabled === false) NO_JS_CONTEXTS.add(context);
  return context;
}

/** Saves a full-page screenshot when SCREENSHOTS_DIR is set (never committed; for looking at). */
export async function maybeScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext } from "../support/browser";
import { createOrgThroughStart } from "../support/browser-flows";

const base = inject("baseUrl");
const stamp = Date.now().toString(36);
const SLUG = `hooli-${stamp}`;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
let token = "";

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newContext(browser);
  page = await admin.newPage();
  await createOrgThroughStart(page, base, SLUG, "Hooli", `gavin-${stamp}@hooli.example`);
});
afterAll(async () => {
  await browser?.close();
});

async function submit(selector: string) {
  return (await Promise.all([page.waitForNavigation(), page.click(selector)]))[0];
}

/** A request from the page's own JavaScript with the token only: no cookie goes with it. */
async function withToken(method: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, bearer, body }) => {
      const res = await fetch(path, {
        method,
        credentials: "omit",
        headers: { authorization: `Bearer ${bearer}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, json: await res.json() };
    },
    { method, path, bearer, body },
  );
}

describe("an admin gives a script an API token", () => {
  it("refuses a token without a name, saying why on the page", async () => {
    await page.goto(`${base}/o/${SLUG}/integrations`);
    expect(await page.textContent("h1")).toBe("Integrations");
    expect(await page.$("[data-token-value]")).toBeNull();
    expect(await page.textContent("#tokens")).toContain("None yet");
    const response = await submit("form:has(#token-name) button[type=submit]");
    expect(response?.status()).toBe(400);
    expect(await page.textContent("#token-name-error")).toContain("The token's name is required");
    await expectNoAxeViolations(page, "integrations page, refused");
  });

  it("creates a read and write token and shows it once", async () => {
    await page.fill("#token-name", "Nightly KR sync");
    await page.selectOption("#token-scope", "write");
    await page.selectOption("#token-expiry", "30");
    const response = await submit("form:has(#token-name) button[type=submit]");
    expect(response?.status()).toBe(201);
    token = await page.inputValue("[data-token-value]");
    expect(token).toMatch(/^mvt_[A-Za-z0-9_-]{43}$/);
    expect(await page.textContent("[data-new-token]")).toContain("shown only this once");
    expect(await page.textContent(".tokens")).toContain("Never used");
    await expectNoAxeViolations(page, "integrations page, new token");
    await maybeScreenshot(page, "integrations-1280");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoAxeViolations(page, "integrations page at 360 px");
    await maybeScreenshot(page, "integrations-360");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto(`${base}/o/${SLUG}/integrations`);
    expect(await page.$("[data-token-value]")).toBeNull();
    expect(await page.content()).not.toContain(token);
  });

  it("the token reads and writes through the API without a session, and its use shows on the page", async () => {
    const board = await withToken("GET", `/api/orgs/${SLUG}/board`, token);
    expect(board.status).toBe(200);
    const team = await withToken("POST", `/api/orgs/${SLUG}/teams`, token, { name: "Created by a script", declaredSize: 4 });
    expect(team.status).toBe(201);
    const teams = await withToken("GET", `/api/orgs/${SLUG}/teams`, token);
    expect(JSON.stringify(teams.json)).toContain("Created by a script");

    await page.goto(`${base}/o/${SLUG}/integrations`);
    expect(await page.textContent("li[data-status=active] [data-last-used]")).toMatch(/^Last used /);
  });

  it("revoking it on the page refuses its next request with 401", async () => {
    await submit("li[data-status=active] form.revoke button[type=submit]");
    expect(await page.textContent("[role=status]")).toContain("Token revoked");
    expect(await page.getAttribute(".tokens li", "data-status")).toBe("revoked");
    const refused = await withToken("GET", `/api/orgs/${SLUG}/board`, token);
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ error: { code: "unauthorized", message: expect.stringContaining("revoked") } });
    await expectNoAxeViolations(page, "integrations page, revoked");
  });
});

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

describe("an admin sends signed webhooks to a receiver on this machine", () => {
  let server: Server;
  let hookUrl = "";
  const received: Delivery[] = [];
  /** The receiver's answers, in order; 200 once they run out. */
  const answers = [500];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mistvine`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  async function waitForDeliveries(n: number): Promise<void> {
    for (let i = 0; i < 100 && received.length < n; i++) await new Promise((r) => setTimeout(r, 100));
    expect(received.length).toBe(n);
  }

  /** A signed-in JSON request from the page (the admin's session cookie goes with it). */
  async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    return page.evaluate(
      async ({ method, path, body }) => {
        const res = await fetch(path, {
          method,
          headers: body ? { "content-type": "application/json" } : {},
          body: body ? JSON.stringify(body) : undefined,
        });
        return { status: res.status, json: res.status === 204 ? null : await res.json() };
      },
      { method, path, body },
    );
  }

  let secret = "";
  let waveId = "";

  it("refuses an endpoint without events, saying why, then adds it and shows its secret once", async () => {
    await page.goto(`${base}/o/${SLUG}/integrations`);
    await page.fill("#webhook-url", hookUrl);
    const refused = await submit("form:has(#webhook-url) button[type=submit]");
    expect(refused?.status()).toBe(400);
    expect(await page.textContent("#webhook-events-error")).toContain("Choose at least one event");
    expect(await page.inputValue("#webhook-url")).toBe(hookUrl);

    await page.check('input[name=events][value="wave.started"]');
    await page.check('input[name=events][value="wave.completed"]');
    const added = await submit("form:has(#webhook-url) button[type=submit]");
    expect(added?.status()).toBe(201);
    secret = await page.inputValue("[data-secret-value]");
    expect(secret).toMatch(/^whsec_/);
    await expectNoAxeViolations(page, "integrations page, new endpoint");
    await page.goto(`${base}/o/${SLUG}/integrations`);
    expect(await page.content()).not.toContain(secret);
  });

  it("delivers wave.started signed; a failed first attempt shows on the page and Resend delivers it with the same webhook-id", async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    const ends = new Date(Date.parse(`${today}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
    const wave = await api("POST", `/api/orgs/${SLUG}/waves`, { name: "Webhook wave", startsOn: today, endsOn: ends });
    expect(wave.status).toBe(201);
    waveId = (wave.json as { id: string }).id;
    expect((await api("POST", `/api/orgs/${SLUG}/waves/${waveId}/activate`, {})).status).toBeLessThan(300);
    await waitForDeliveries(1);

    await page.goto(`${base}/o/${SLUG}/integrations`);
    const row = page.locator("tr[data-delivery]").first();
    expect(await row.getAttribute("data-status")).toBe("queued");
    expect(await row.textContent()).toContain("HTTP 500");
    await maybeScreenshot(page, "integrations-webhooks-1280");
    await submit("tr[data-delivery] form button[type=submit]");
    expect(await page.textContent("[role=status]")).toContain("Delivery sent again");
    expect(await page.getAttribute("tr[data-delivery]", "data-status")).toBe("delivered");
    await expectNoAxeViolations(page, "integrations page, deliveries");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoAxeViolations(page, "integrations page, deliveries at 360 px");
    await maybeScreenshot(page, "integrations-webhooks-360");
    await page.setViewportSize({ width: 1280, height: 800 });
    await waitForDeliveries(2);
    expect(received[1].headers["webhook-id"]).toBe(received[0].headers["webhook-id"]);
  });

  it("delivers wave.completed, and every delivery verifies with the standardwebhooks reference package", async () => {
    expect((await api("POST", `/api/orgs/${SLUG}/waves/${waveId}/complete`, {})).status).toBeLessThan(300);
    await waitForDeliveries(3);
    const verifier = new Webhook(secret);
    const events = received.map(
      (d) =>
        verifier.verify(d.body, {
          "webhook-id": String(d.headers["webhook-id"]),
          "webhook-timestamp": String(d.headers["webhook-timestamp"]),
          "webhook-signature": String(d.headers["webhook-signature"]),
        }) as { type: string; data: { org: { slug: string }; wave: { id: string; name: string } } },
    );
    expect(events.map((e) => e.type)).toEqual(["wave.started", "wave.started", "wave.completed"]);
    for (const e of events) expect(e.data).toMatchObject({ org: { slug: SLUG }, wave: { id: waveId, name: "Webhook wave" } });
    // A body changed on the way fails the check.
    const forged = received[2];
    expect(() =>
      verifier.verify(forged.body.replace("Webhook wave", "Forged wave"), {
        "webhook-id": String(forged.headers["webhook-id"]),
        "webhook-timestamp": String(forged.headers["webhook-timestamp"]),
        "webhook-signature": String(forged.headers["webhook-signature"]),
      }),
    ).toThrow();
  });
});

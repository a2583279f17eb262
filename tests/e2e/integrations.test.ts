import type { Browser, BrowserContext, Page } from "playwright-core";
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
      const res = await fetch(path, { method, credentials: "omit", headers: { authorization: `Bearer ${bearer}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
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

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newContext } from "../support/browser";
import { createOrgThroughStart } from "../support/browser-flows";

const base = inject("baseUrl");
const stamp = Date.now().toString(36);
const SLUG = `chatty-${stamp}`;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  await createOrgThroughStart(page, base, SLUG, "Chatty", `ada-${stamp}@chatty.example`);
  const status = await page.evaluate(async (slug) => {
    const res = await fetch(`/api/orgs/${slug}/teams`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Payments", declaredSize: 5 }),
    });
    return res.status;
  }, SLUG);
  expect(status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
});

async function submit(selector: string) {
  return (await Promise.all([page.waitForNavigation(), page.click(selector)]))[0];
}

describe("an admin connects a team's chat channel", () => {
  it("refuses a Teams URL given as Slack, saying which URL it wants", async () => {
    await page.goto(`${base}/o/${SLUG}/integrations`);
    expect(await page.textContent("#chat")).toContain("No channels yet");
    await page.selectOption("#chat-team", { label: "Payments" });
    await page.selectOption("#chat-kind", "slack");
    await page.fill("#chat-url", "https://prod-1.westus.logic.azure.com/workflows/abc");
    const response = await submit("form:has(#chat-url) button[type=submit]");
    expect(response?.status()).toBe(400);
    expect(await page.textContent("#chat-url-error")).toContain("https://hooks.slack.com/");
    expect(await page.inputValue("#chat-url")).toBe("https://prod-1.westus.logic.azure.com/workflows/abc");
    await expectNoAxeViolations(page, "integrations page, chat channel refused");
  });

  it("connects a Teams channel, lists only its host, and removes it", async () => {
    await page.selectOption("#chat-kind", "teams");
    await submit("form:has(#chat-url) button[type=submit]");
    expect(page.url()).toContain("done=chat");
    const card = await page.textContent("[data-chat-channel]");
    expect(card).toContain("Payments");
    expect(card).toContain("Microsoft Teams");
    expect(card).toContain("prod-1.westus.logic.azure.com");
    expect(await page.content()).not.toContain("/workflows/abc");
    await expectNoAxeViolations(page, "integrations page, chat channel connected");
    await submit("[data-chat-channel] form:has(input[value=chatremove]) button");
    expect(await page.textContent("#chat")).toContain("No channels yet");
  });
});

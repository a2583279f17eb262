import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newContext } from "../support/browser";
import { createOrgThroughStart, followEmailLink, latestEmail, linkIn } from "../support/browser-flows";

const base = inject("baseUrl");
const stamp = Date.now().toString(36);
const SLUG = `chatty-${stamp}`;
const LEAD = `lena-${stamp}@chatty.example`;
const OTHER_LEAD = `omar-${stamp}@chatty.example`;
let browser: Browser;
let page: Page;
const teamIds: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  await createOrgThroughStart(page, base, SLUG, "Chatty", `ada-${stamp}@chatty.example`);
  for (const name of ["Payments", "Billing"]) {
    const created = await page.evaluate(
      async ([slug, name]) => {
        const res = await fetch(`/api/orgs/${slug}/teams`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name, declaredSize: 5 }),
        });
        return { status: res.status, id: ((await res.json()) as { id: string }).id };
      },
      [SLUG, name] as const,
    );
    expect(created.status).toBe(201);
    teamIds[name] = created.id;
  }
  for (const [teamId, name, email] of [
    [teamIds.Payments, "Lena Lead", LEAD],
    [teamIds.Billing, "Omar Lead", OTHER_LEAD],
  ] as const) {
    const res = await page.request.post(`${base}/api/orgs/${SLUG}/invites`, {
      data: { teamId, name, email },
      headers: { "content-type": "application/json" },
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
  }
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
    expect(await page.textContent("#chat")).toContain("No team channels yet");
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
    expect(await page.textContent("#chat")).toContain("No team channels yet");
  });
});

describe("an admin connects the organisation's channel", () => {
  it("connects it for the weekly summary, shows its host only, and removes it", async () => {
    await page.goto(`${base}/o/${SLUG}/integrations`);
    expect(await page.textContent("#chat-org")).toContain("weekly report's summary");
    await page.selectOption("#chat-org-kind", "slack");
    await page.fill("#chat-org-url", "https://hooks.slack.com/");
    expect((await submit("form:has(#chat-org-url) button[type=submit]"))?.status()).toBe(400);
    expect(await page.textContent("#chat-org-url-error")).toContain("missing its path");
    await page.fill("#chat-org-url", "https://hooks.slack.com/services/T000/B000/orgsecret");
    await submit("form:has(#chat-org-url) button[type=submit]");
    expect(await page.textContent('[data-chat-channel="org"]')).toContain("hooks.slack.com");
    expect(await page.content()).not.toContain("orgsecret");
    // The org's channel is not a team's: the teams' list is still empty.
    expect(await page.textContent("#chat")).toContain("No team channels yet");
    await expectNoAxeViolations(page, "integrations page, org channel connected");
    await submit('[data-chat-channel="org"] form:has(input[value=chatremove]) button');
    expect(await page.locator('[data-chat-channel="org"]').count()).toBe(0);
  });
});

describe("a team's lead connects the team's channel on the team page", () => {
  let lead: BrowserContext;
  let leadPage: Page;
  const teamPage = () => `${base}/o/${SLUG}/teams/${teamIds.Payments}`;
  async function submitOn(p: Page, selector: string) {
    return (await Promise.all([p.waitForNavigation(), p.click(selector)]))[0];
  }

  beforeAll(async () => {
    lead = await newContext(browser, { width: 360 });
    leadPage = await lead.newPage();
    await followEmailLink(leadPage, linkIn((await latestEmail(leadPage.request, base, LEAD, "invited you to lead")).text, "/auth/link/"));
  });
  afterAll(async () => {
    await lead?.close();
  });

  it("refuses a Teams URL given as Slack beside the field, keeping what was typed", async () => {
    await leadPage.goto(teamPage());
    expect(await leadPage.textContent("#chat")).toContain("No channel yet");
    await leadPage.selectOption("#team-chat-kind", "slack");
    await leadPage.fill("#team-chat-url", "https://prod-1.westus.logic.azure.com/workflows/lead");
    const response = await submitOn(leadPage, "#chat form:has(#team-chat-url) button[type=submit]");
    expect(response?.status()).toBe(400);
    expect(await leadPage.textContent("#team-chat-url-error")).toContain("https://hooks.slack.com/");
    expect(await leadPage.inputValue("#team-chat-url")).toBe("https://prod-1.westus.logic.azure.com/workflows/lead");
    expect(await leadPage.getAttribute("#team-chat-url", "aria-invalid")).toBe("true");
    await expectNoAxeViolations(leadPage, "team page, chat channel refused");
  });

  it("connects a Slack channel that shows by host only, then removes it", async () => {
    await leadPage.fill("#team-chat-url", "https://hooks.slack.com/services/T000/B000/leadsecret");
    await submitOn(leadPage, "#chat form:has(#team-chat-url) button[type=submit]");
    expect(leadPage.url()).toContain("done=chat");
    expect(await leadPage.textContent("#chat [role=status]")).toContain("Channel connected");
    const card = await leadPage.textContent("#chat [data-chat-channel]");
    expect(card).toContain("Slack");
    expect(card).toContain("hooks.slack.com");
    expect(await leadPage.content()).not.toContain("leadsecret");
    expect(await leadPage.textContent("#chat [data-chat-channel] h3")).toBe("Payments' channel");
    expect(await leadPage.textContent("#chat .card:not([data-chat-channel]) h3")).toBe("Replace the channel");
    await expectNoAxeViolations(leadPage, "team page, chat channel connected");

    // The admin sees it on the Integrations page too.
    await page.goto(`${base}/o/${SLUG}/integrations`);
    expect(await page.textContent(`[data-chat-channel="${teamIds.Payments}"]`)).toContain("hooks.slack.com");

    await submitOn(leadPage, "#chat [data-chat-channel] form:has(input[value=chat-remove]) button");
    expect(await leadPage.textContent("#chat")).toContain("Channel removed");
    expect(await leadPage.textContent("#chat")).toContain("No channel yet");
  });

  it("is not offered to another team's lead", async () => {
    const other = await newContext(browser);
    const otherPage = await other.newPage();
    await followEmailLink(
      otherPage,
      linkIn((await latestEmail(otherPage.request, base, OTHER_LEAD, "invited you to lead")).text, "/auth/link/"),
    );
    await otherPage.goto(teamPage());
    expect(await otherPage.locator("#chat").count()).toBe(0);
    await otherPage.goto(`${base}/o/${SLUG}/teams/${teamIds.Billing}`);
    expect(await otherPage.locator("#chat").count()).toBe(1);
    await other.close();
  });
});

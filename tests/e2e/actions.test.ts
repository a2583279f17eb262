import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext } from "../support/browser";
import { followEmailLink, latestEmail, linkIn, signIn } from "../support/browser-flows";

const base = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await fetch(`${base}/dev/seed`, { method: "POST", headers: { origin: base } });
});
afterAll(async () => {
  await browser?.close();
});

/** The titles of the open items, in the order shown. */
async function itemTitles(page: Page): Promise<string[]> {
  return (await page.locator("[data-action] h2").allTextContents()).map((t) => t.trim());
}

describe("the Action Center", () => {
  it("is where the demo admin lands after signing in, with the org's open items and their count in the navigation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, "admin@northwind.example");
    expect(new URL(page.url()).pathname).toBe("/o/northwind/actions");
    const titles = await itemTitles(page);
    expect(titles[0]).toBe("Support has no objective in Wave 7: Self-serve growth");
    expect(titles).toEqual(
      expect.arrayContaining([
        "Support did not post last week's PPP",
        "Mobile needs support",
        "Kai Mensah has not accepted the invitation to lead Support",
        "Scorecard · Wave 7: Self-serve growth has enough answers to close",
      ]),
    );
    expect(await page.locator("[data-action=team-needs-support]:has-text('Mobile') .reason").textContent()).toContain(
      "no check-in for 9 days",
    );
    const count = (await page.locator("nav [data-action-count]").textContent())?.replace(/\D/g, "");
    expect(Number(count)).toBe(titles.length);
    expect(await page.locator(".org-nav a").first().textContent()).toContain("Actions");
    await expectNoAxeViolations(page, "admin's Action Center");
    await maybeScreenshot(page, "actions-admin-1280");

    // Other pages fill the count in from the API.
    await page.goto(`${base}/o/northwind`);
    await page.waitForFunction(() => !document.querySelector("[data-action-count]")?.hasAttribute("hidden"));
    expect((await page.locator("nav [data-action-count]").textContent())?.replace(/\D/g, "")).toBe(count);
    await context.close();
  });

  it("shows Data's lead the missing PPP and the hidden pulse without saying who or how many voted, and Onboarding's lead the 3-week problem", async () => {
    const sam = await newContext(browser, { width: 360 });
    const page = await sam.newPage();
    await signIn(page, base, "sam@northwind.example");
    expect(new URL(page.url()).pathname).toBe("/o/northwind/actions");
    expect(await itemTitles(page)).toEqual(
      expect.arrayContaining([
        "Post this week's PPP",
        "The team's latest pulse week stayed hidden",
        "Mark last week's plans done or carried over",
        "Onboarding asks any team for a boost",
      ]),
    );
    expect(await page.locator("[data-action=pulse-hidden] .reason").textContent()).not.toMatch(/\d/);
    await page.click("[data-action=ppp-due] a");
    expect(new URL(page.url()).pathname).toMatch(/^\/o\/northwind\/teams\/[^/]+\/ppp$/);
    await expectNoAxeViolations(page, "PPP form from the Action Center");
    await page.goto(`${base}/o/northwind/actions`);
    await expectNoAxeViolations(page, "lead's Action Center at 360 px");
    await maybeScreenshot(page, "actions-lead-360");
    await sam.close();

    const tom = await newContext(browser);
    const tomPage = await tom.newPage();
    await signIn(tomPage, base, "tom@northwind.example");
    expect(await itemTitles(tomPage)).toEqual(
      expect.arrayContaining([
        "Problem open 3 weeks: “No staging environment that mirrors production: we test sign-up changes on real customers”",
        "Mobile declined on your boost",
      ]),
    );
    await Promise.all([tomPage.waitForNavigation(), tomPage.click("[data-action=problem-ageing] a")]);
    expect(new URL(tomPage.url()).pathname).toMatch(/^\/o\/northwind\/boosts\/[^/]+$/);
    expect(await tomPage.textContent("main")).toContain("Half a day from someone who can set up a staging environment");
    await tom.close();
  });

  it("drops an item once it is done: Mobile's lead follows the link to the key result, checks in, and the item is gone", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, "jonas@northwind.example");
    const stale = "Check in on “Mobile signups that activate”";
    expect(await itemTitles(page)).toContain(stale);
    await Promise.all([page.waitForNavigation(), page.click(`[data-action=stale-key-result]:has-text("Mobile signups that activate") a`)]);
    const url = new URL(page.url());
    expect(url.hash).toMatch(/^#v-/);
    const field = page.locator(url.hash);
    await field.fill("16");
    await Promise.all([page.waitForNavigation(), field.locator("xpath=ancestor::form").locator("button[type=submit]").click()]);
    await page.goto(`${base}/o/northwind/actions`);
    expect(await itemTitles(page)).not.toContain(stale);
    await context.close();
  });

  it("answers 404 to a member of another org, on the page and the API", async () => {
    const stamp = Date.now().toString(36);
    const email = `other-${stamp}@elsewhere.example`;
    const context = await newContext(browser);
    const page = await context.newPage();
    const created = await page.request.post(`${base}/api/orgs`, {
      data: { orgName: "Elsewhere", slug: `elsewhere-${stamp}`, timeZone: "UTC", name: "Olu Other", email },
    });
    expect(created.status()).toBe(202);
    await followEmailLink(page, linkIn((await latestEmail(page.request, base, email, "Confirm Elsewhere")).text, "/auth/link/"));
    expect((await page.goto(`${base}/o/northwind/actions`))?.status()).toBe(404);
    expect((await page.request.get(`${base}/api/orgs/northwind/actions`)).status()).toBe(404);
    // Their own Action Center is empty and says what comes next.
    await page.goto(`${base}/o/elsewhere-${stamp}/actions`);
    expect(await page.textContent("main h2")).toBe("You are up to date");
    await context.close();
  });
});

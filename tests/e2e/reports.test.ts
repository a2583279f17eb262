import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext } from "../support/browser";
import { latestEmail, linkIn, signIn } from "../support/browser-flows";

const base = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await fetch(`${base}/dev/seed`, { method: "POST", headers: { origin: base } });
});
afterAll(async () => {
  await browser?.close();
});

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

describe("emailed reports", () => {
  it("an admin previews the weekly report, sends it to herself, and unsubscribes through its link", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, "admin@northwind.example");
    await page.goto(`${base}/o/northwind/reports`);
    expect(await page.textContent("[data-preview-subject]")).toMatch(/^Weekly report · Northwind Labs: Wave 7/);
    const frame = page.frameLocator("iframe.frame");
    expect(await frame.locator("body").textContent()).toContain("Where to offer help this week");
    await expectNoAxeViolations(page, "reports page");
    await maybeScreenshot(page, "reports-1280");
    await submit(page, 'form:has(input[value="send"]) button');
    expect(await page.textContent("[role=status]")).toContain("Sent to admin@northwind.example");

    const mail = await latestEmail(page.request, base, "admin@northwind.example", "Weekly report · Northwind Labs");
    const unsubscribe = linkIn(mail.text, "/u/");
    await page.goto(unsubscribe);
    expect(await page.textContent("h1")).toBe("Unsubscribe from the weekly org report?");
    await expectNoAxeViolations(page, "unsubscribe page");
    await submit(page, "main form button[type=submit]");
    expect(await page.textContent("h1")).toBe("You are unsubscribed");
    expect(await page.textContent("[role=status]")).toContain("It took effect immediately");
    await page.reload();
    expect(await page.textContent("h1")).toBe("You are unsubscribed");
    // Changed their mind: the same link subscribes again, without JavaScript.
    await submit(page, "main form button[type=submit]");
    expect(await page.textContent("h1")).toBe("Unsubscribe from the weekly org report?");
    expect(await page.textContent("[role=status]")).toContain("You are subscribed again");
    await context.close();
  });

  it("a mail client's one-click unsubscribe (RFC 8058 POST) works without a page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, "priya@northwind.example");
    // An admin sends herself the Payments team report; its unsubscribe link is hers for team reports.
    const admin = await newContext(browser);
    const adminPage = await admin.newPage();
    await signIn(adminPage, base, "admin@northwind.example");
    // Without a team, a team report cannot be built: 404 for a team that is not there.
    const res = await adminPage.request.post(`${base}/api/orgs/northwind/reports/team_report/send`, { data: {} });
    expect(res.status()).toBe(404);
    const teams = (await (await adminPage.request.get(`${base}/api/orgs/northwind/teams`)).json()) as {
      teams: { id: string; name: string }[];
    };
    const payments = teams.teams.find((t) => t.name === "Payments")!;
    expect(
      (await adminPage.request.post(`${base}/api/orgs/northwind/reports/team_report/send`, { data: { team: payments.id } })).status(),
    ).toBe(202);
    const mail = await latestEmail(adminPage.request, base, "admin@northwind.example", "Payments");
    const url = linkIn(mail.text, "/u/");
    const oneClick = await page.request.post(url, { form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status()).toBe(204);
    await page.goto(url);
    expect(await page.textContent("h1")).toBe("You are unsubscribed");
    await admin.close();
    await context.close();
  });

  it("a lead keeps the team's reminder list, seen by nobody else but admins", async () => {
    const lead = await newContext(browser, { width: 360 });
    const page = await lead.newPage();
    await signIn(page, base, "tom@northwind.example");
    await page.goto(`${base}/o/northwind/teams`);
    await page.click("[data-team='Onboarding'] a");
    await page.waitForURL(/\/teams\//);
    const onboarding = page.url();
    await page.click("#addresses summary");
    await page.fill("#member-addresses", "ana@northwind.example\nnot-an-address");
    await submit(page, "#addresses button[type=submit]");
    expect(await page.textContent("#member-addresses-error")).toContain("“not-an-address” is not an email address.");
    expect(await page.inputValue("#member-addresses")).toContain("not-an-address");
    await page.fill("#member-addresses", "ana@northwind.example\nben@northwind.example, ana@northwind.example");
    await submit(page, "#addresses button[type=submit]");
    expect(await page.textContent("#addresses summary")).toContain("2 addresses");
    await expectNoAxeViolations(page, "team page with reminder list");

    const other = await newContext(browser);
    const otherPage = await other.newPage();
    await signIn(otherPage, base, "priya@northwind.example");
    await otherPage.goto(onboarding);
    expect(await otherPage.locator("#addresses").count()).toBe(0);
    expect((await otherPage.request.get(onboarding.replace("/o/", "/api/orgs/") + "/addresses")).status()).toBe(403);
    await other.close();
    await lead.close();
  });
});

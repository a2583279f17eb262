import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext, watchPage } from "../support/browser";
import { createOrgWithTeamAndWave, latestEmail, linkIn } from "../support/browser-flows";

const base = inject("baseUrl");
const stamp = Date.now().toString(36);
const SLUG = `personal-${stamp}`;
const MEMBERS = [`ana-${stamp}@quay.example`, `bo-${stamp}@quay.example`];
let browser: Browser;
let admin: BrowserContext;
let teamPath = "";

function monday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newContext(browser);
  const page = await admin.newPage();
  ({ teamPath } = await createOrgWithTeamAndWave(page, base, {
    slug: SLUG,
    orgName: "Quay Co",
    email: `quinn-${stamp}@quay.example`,
    timeZone: "UTC",
    team: "Quay",
    size: 4,
    startsOn: monday(),
  }));
  const wavePage = page.url();
  // Before the wave starts, the lead switches the team to personal links and enters the list.
  await page.goto(`${base}${teamPath}`);
  expect(await page.getAttribute("#pulse-mode", "data-mode")).toBe("shared");
  await submit(page, 'form:has(input[value="pulse-mode"]) button');
  expect(await page.getAttribute("#pulse-mode", "data-mode")).toBe("personal");
  await page.click("#addresses summary");
  await page.fill("#member-addresses", MEMBERS.join("\n"));
  await submit(page, 'form:has(input[value="addresses"]) button');

  await page.goto(wavePage);
  await submit(page, 'form:has(input[value="activate"]) button');
  await page.goto(`${base}${teamPath}/objectives/new`);
  await page.selectOption('select[name="parentId"]', { label: "Ship reliably" });
  await page.fill('input[name="title"]', "Calm on-call weeks");
  await page.fill('textarea[name="rationale"]', "A calm on-call week is how we ship reliably.");
  await page.fill('input[name="kr0_title"]', "Pages per week");
  await page.fill('input[name="kr0_baseline"]', "12");
  await page.fill('input[name="kr0_target"]', "3");
  await submit(page, "main form button[type=submit]");

  // Voting day is today, from midnight: the hourly job sends the reminders now.
  await page.goto(`${base}/o/${SLUG}/reports`);
  const today = String(((new Date().getUTCDay() + 6) % 7) + 1);
  await page.selectOption('select[name="pulseWeekday"]', today);
  await page.selectOption('select[name="reportHour"]', "0");
  await submit(page, 'form:has(input[value="schedule"]) button');
  const cron = await fetch(`${base}/cdn-cgi/handler/scheduled?cron=0+*+*+*+*`);
  expect(cron.ok).toBe(true);
});

afterAll(async () => {
  await browser?.close();
});

describe("personal pulse links", () => {
  it("walk a member from the reminder email's own link to a recorded vote on a 360 px phone", async () => {
    const mail = await latestEmail(admin.request, base, MEMBERS[0], "this week's pulse");
    expect(mail.text).toContain("This link is yours alone");
    // The hourly job writes links on PUBLIC_URL; the test server listens on its own port.
    const link = linkIn(mail.text, "/p/").replace(/^https?:\/\/[^/]+/, base);
    expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
    const other = linkIn((await latestEmail(admin.request, base, MEMBERS[1], "this week's pulse")).text, "/p/");
    expect(other).not.toBe(link);

    const phone = await newContext(browser, { width: 360, javaScriptEnabled: false });
    const page = await phone.newPage();
    const watch = watchPage(page);
    await page.goto(link);
    expect(await page.textContent("h1")).toBe("How is Quay doing this week?");
    const note = await page.textContent("[data-link=personal]");
    expect(note).toContain("This link is yours alone and counts once");
    expect(note).toContain("the list holds 2 addresses, at quay.example");
    expect(note).toContain("quay.example");
    expect(watch.scripts.size).toBe(0);
    await expectNoAxeViolations(page, "personal pulse page");
    await maybeScreenshot(page, "pulse-personal-360");
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    await page.locator('fieldset.objective input[value="4"]').check({ force: true });
    await submit(page, "button.send");
    expect(await page.textContent("[role=status]")).toContain("Your votes are in");

    // The same link in another browser is still the same person: nothing more to rate.
    const laptop = await newContext(browser);
    const again = await laptop.newPage();
    await again.goto(link);
    expect(await again.textContent("main")).toContain("You rated every objective this week");
    expect(await again.locator("fieldset.objective").count()).toBe(0);
    await maybeScreenshot(again, "pulse-personal-1280");
    await phone.close();
    await laptop.close();
  });

  it("leaves the team's page locked to personal links while the wave runs", async () => {
    const page = await admin.newPage();
    await page.goto(`${base}${teamPath}`);
    expect(await page.textContent("#pulse-mode")).toContain("fixed while Wave 1 is active");
    expect(await page.locator('form:has(input[value="pulse-mode"])').count()).toBe(0);
    await expectNoAxeViolations(page, "team page on personal links");
    await maybeScreenshot(page, "team-personal-1280");
  });
});

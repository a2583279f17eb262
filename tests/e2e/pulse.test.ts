import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext, watchPage } from "../support/browser";
import { createOrgWithTeamAndWave, signIn } from "../support/browser-flows";

const base = inject("baseUrl");

/**
 * Whether `now` falls between the start of the demo's current week (Monday in its London time
 * zone) and that Monday 12:00 UTC, when the week before is over in every time zone.
 */
function beforeLastWeekIsOverEverywhere(now: Date): boolean {
  const london = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
  }).formatToParts(now);
  const part = (type: string) => london.find((p) => p.type === type)?.value ?? "";
  const sinceMonday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(part("weekday"));
  const monday = new Date(Date.parse(`${part("year")}-${part("month")}-${part("day")}T12:00:00Z`) - sinceMonday * 86_400_000);
  return now < monday;
}
const stamp = Date.now().toString(36);
const SLUG = `pulse-${stamp}`;
let browser: Browser;
let admin: BrowserContext;
const voters: BrowserContext[] = [];
let pulseUrl = "";
let teamPath = "";

function monday(offsetWeeks = 0): string {
  const d = new Date();
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + offsetWeeks * 7);
  return d.toISOString().slice(0, 10);
}

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function vote(page: Page, scores: number[]) {
  await page.goto(pulseUrl);
  const groups = page.locator("fieldset.objective");
  for (let i = 0; i < scores.length; i++) await groups.nth(i).locator(`input[value="${scores[i]}"]`).check({ force: true });
  await submit(page, "button.send");
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newContext(browser);
  const page = await admin.newPage();
  ({ teamPath } = await createOrgWithTeamAndWave(page, base, {
    slug: SLUG,
    orgName: "Pulse Co",
    email: `pat-${stamp}@pulse.example`,
    timeZone: "UTC",
    team: "Harbor",
    size: 6,
    startsOn: monday(),
  }));
  await submit(page, 'form:has(input[value="activate"]) button');
  await page.goto(`${base}${teamPath}/objectives/new`);
  await page.selectOption('select[name="parentId"]', { label: "Ship reliably" });
  await page.fill('input[name="title"]', "Zero-downtime deploys");
  await page.fill('textarea[name="rationale"]', "Deploying without downtime is how we ship reliably.");
  await page.fill('input[name="kr0_title"]', "Deploys without an incident");
  await page.fill('input[name="kr0_baseline"]', "60");
  await page.fill('input[name="kr0_target"]', "95");
  await submit(page, "main form button[type=submit]");
  await page.goto(`${base}${teamPath}`);
  await submit(page, 'form:has(input[value="pulse-link-new"]) button');
  pulseUrl = await page.inputValue("#pulse input[data-copy-source]");
  expect(pulseUrl).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
});

afterAll(async () => {
  await browser?.close();
});

describe("the anonymous weekly pulse", () => {
  it("works on a 360 px phone without JavaScript, says who sees what, and ships no script", async () => {
    const context = await newContext(browser, { width: 360, javaScriptEnabled: false });
    voters.push(context);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(pulseUrl);
    expect(await page.textContent("h1")).toBe("How is Harbor doing this week?");
    expect(await page.textContent(".promise")).toContain("leadership sees only averages of at least 5 people");
    expect(await page.textContent("[data-link=shared]")).toContain("the answers can include your lead's own");
    expect(await page.locator("fieldset.objective legend").textContent()).toContain("Deploys without an incident");
    expect(watch.scripts.size).toBe(0);
    await expectNoAxeViolations(page, "pulse page");
    await maybeScreenshot(page, "pulse-360");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(overflow).toBe(false);
    await vote(page, [5]);
    expect(await page.textContent("[role=status]")).toContain("Your votes are in");
  });

  it("refuses a double vote politely and stores nothing", async () => {
    const page = await voters[0].newPage();
    await page.goto(pulseUrl);
    expect(await page.textContent("main")).toContain("You rated every objective this week");
    // A second tab opened before the first vote still has the form: sending it is refused.
    const context = await newContext(browser);
    voters.push(context);
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    await tabA.goto(pulseUrl);
    await tabB.goto(pulseUrl);
    await tabA.locator('fieldset.objective input[value="4"]').check({ force: true });
    await submit(tabA, "button.send");
    await tabB.locator('fieldset.objective input[value="1"]').check({ force: true });
    const [response] = await Promise.all([tabB.waitForNavigation(), tabB.click("button.send")]);
    expect(response?.status()).toBe(409);
    expect(await tabB.textContent("[role=alert]")).toContain("You already rated these objectives this week");
  });

  it("keeps this week's votes out of every view until the week is over everywhere, and says when it shows", async () => {
    const adminPage = await admin.newPage();
    for (let i = 0; i < 3; i++) {
      const context = await newContext(browser, { width: i % 2 ? 360 : 1280 });
      voters.push(context);
      await vote(await context.newPage(), [3]);
    }
    // Five people have voted this week: still no figure anywhere, not even a count.
    await adminPage.goto(`${base}${teamPath}#pulse`);
    expect(await adminPage.locator("#pulse [data-heat-row]").count()).toBe(0);
    expect(await adminPage.textContent("#pulse [data-pulse-next]")).toContain("12:00");
    await expectNoAxeViolations(adminPage, "team page with pulse");
    await adminPage.goto(`${base}/o/${SLUG}`);
    expect(await adminPage.locator("[data-heat-row='Harbor']").count()).toBe(0);
    expect(await adminPage.locator("[data-pulse-next]").count()).toBe(1);
    await adminPage.goto(`${base}/o/${SLUG}/pulse`);
    expect(await adminPage.locator("[data-heat-row]").count()).toBe(0);
    expect(await adminPage.textContent("[data-pulse-next]")).toContain("once the week is over in every time zone");
    const csv = await (await adminPage.request.get(`${base}/api/orgs/${SLUG}/pulse.csv`)).text();
    expect(csv.trim().split("\r\n")).toHaveLength(1); // the header only
    const api = (await (await adminPage.request.get(`${base}/api/orgs/${SLUG}/pulse`)).json()) as {
      weeks: string[];
      next: { showsAt: string };
    };
    expect(api.weeks).toEqual([]);
    expect(new Date(api.next.showsAt).getUTCDay()).toBe(1); // a Monday, 12:00 UTC
    await expectNoAxeViolations(adminPage, "org pulse page");
    await maybeScreenshot(adminPage, "board-pulse-1280");
  });

  it("a revoked link answers 410 with a kind page", async () => {
    const adminPage = await admin.newPage();
    await adminPage.goto(`${base}${teamPath}`);
    // Turning the link off asks once more first.
    expect(await adminPage.isVisible('form:has(input[value="pulse-link-revoke"]) button')).toBe(false);
    await adminPage.click('summary:has-text("Turn the link off")');
    await submit(adminPage, 'form:has(input[value="pulse-link-revoke"]) button');
    const page = await voters[0].newPage();
    const response = await page.goto(pulseUrl);
    expect(response?.status()).toBe(410);
    expect(await page.textContent("h1")).toBe("This pulse link is no longer in use");
    // It blames nobody: an admin may have turned it off as well as the lead.
    expect(await page.textContent("main")).not.toContain("lead");
  });
});

describe("leadership sees where confidence drops", () => {
  it("the demo org's admin sees the drop flag on the board", async () => {
    await fetch(`${base}/dev/seed`, { method: "POST", headers: { origin: base } });
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, "admin@northwind.example");
    await page.goto(`${base}/o/northwind`);
    const weeksShown = await page.locator("[data-heat-row='Onboarding'] td").count();
    if (beforeLastWeekIsOverEverywhere(new Date())) {
      // Monday before 12:00 UTC: the demo's last week is not over everywhere yet, so only the
      // week before shows, and a drop (between two shown weeks) cannot.
      expect(weeksShown).toBe(1);
      expect(await page.locator("[data-heat-row='Onboarding'] td[data-drop=true]").count()).toBe(0);
    } else {
      expect(weeksShown).toBe(2);
      const onboarding = page.locator("[data-needs-support='Onboarding']");
      expect(await onboarding.textContent()).toContain("Confidence dropped");
      expect(await page.locator("[data-heat-row='Onboarding'] td[data-drop=true]").count()).toBeGreaterThan(0);
    }
    expect(await page.locator("[data-heat-row='Data'] td[data-state=shown]").count()).toBe(0);
    await expectNoAxeViolations(page, "demo board");
    await maybeScreenshot(page, "demo-board-1280");
    await context.close();
  });
});

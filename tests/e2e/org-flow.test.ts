import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext, watchPage } from "../support/browser";
import { createOrgThroughStart, followEmailLink, latestEmail, linkIn } from "../support/browser-flows";

const base = inject("baseUrl");
const stamp = Date.now().toString(36);
const SLUG = `acme-${stamp}`;
const OTHER_SLUG = `globex-${stamp}`;
let browser: Browser;
let admin: BrowserContext;
let lead: BrowserContext;
let outsider: BrowserContext;
const ids: { team?: string; wave?: string } = {};

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newContext(browser);
  lead = await newContext(browser, { width: 360 });
  outsider = await newContext(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const createOrg = (page: Page, slug: string, orgName: string, email: string) => createOrgThroughStart(page, base, slug, orgName, email);

describe("the Align loop, as the people walk it", () => {
  it("an admin creates the org by email link and sees what to do first", async () => {
    const page = await admin.newPage();
    const watch = watchPage(page);
    await createOrg(page, SLUG, "Acme Rockets", `casey-${stamp}@acme.example`);
    expect(await page.textContent("h1")).toBe("No wave is running");
    expect(await page.textContent("main")).toContain("Add your teams");
    await expectNoAxeViolations(page, "empty board");
    expect(watch.errors).toEqual([]);
  });

  it("the admin adds a team and plans a wave; bad dates are refused with a message", async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/o/${SLUG}/teams`);
    await page.fill("#team-name", "Rocket Payments");
    await page.fill("#team-mission", "Make paying us effortless.");
    await page.fill("#team-size", "6");
    await submit(page, "form:has(#team-name) button[type=submit]");
    expect(await page.textContent("[data-team='Rocket Payments']")).toContain("6 people");
    ids.team = (await page.getAttribute("[data-team='Rocket Payments'] a", "href"))!.split("/").pop();
    await expectNoAxeViolations(page, "teams page");

    await page.goto(`${base}/o/${SLUG}/waves`);
    await page.fill('input[name="name"]', "Wave 1");
    await page.fill('input[name="startsOn"]', "2026-11-16");
    await page.fill('input[name="endsOn"]', "2026-11-25");
    await submit(page, "main form button[type=submit]");
    expect(await page.textContent("#f-endsOn-error")).toContain("A wave lasts at least 2 weeks; these dates give 10 days.");
    expect(await page.inputValue('input[name="name"]')).toBe("Wave 1");
    await page.fill('input[name="endsOn"]', "2026-12-13");
    await submit(page, "main form button[type=submit]");
    expect(page.url()).toContain("done=created");
    ids.wave = new URL(page.url()).pathname.split("/").pop();

    // Two org objectives, one with a decreasing key result.
    await page.fill('form:has(input[value="add-objective"]) input[name="title"]', "Customers pay without friction");
    await page.fill('input[name="kr0_title"]', "Checkout abandonment");
    await page.fill('input[name="kr0_baseline"]', "30");
    await page.fill('input[name="kr0_target"]', "15");
    await page.fill('input[name="kr0_unit"]', "%");
    await submit(page, 'form:has(input[value="add-objective"]) button[type=submit]');
    expect(await page.textContent("[data-org-objective='Customers pay without friction']")).toContain("Checkout abandonment");
    await expectNoAxeViolations(page, "wave page");

    // A second key result added from the wave page lands on the objective.
    const orgObjective = "[data-org-objective='Customers pay without friction']";
    await page.click(`${orgObjective} summary:has-text("Add a key result")`);
    await page.fill(`${orgObjective} form:has(input[value="add-kr"]) input[name="title"]`, "Payment success rate");
    await page.fill(`${orgObjective} form:has(input[value="add-kr"]) input[name="baseline"]`, "92");
    await page.fill(`${orgObjective} form:has(input[value="add-kr"]) input[name="target"]`, "97");
    await page.fill(`${orgObjective} form:has(input[value="add-kr"]) input[name="unit"]`, "%");
    await submit(page, `${orgObjective} form:has(input[value="add-kr"]) button[type=submit]`);
    expect(await page.textContent("[role=status]")).toContain("Key result added.");
    expect(await page.textContent(orgObjective)).toContain("Payment success rate");
    expect(await page.textContent(orgObjective)).toContain("target 97%");
    await submit(page, 'form:has(input[value="activate"]) button');
    expect(await page.textContent("[role=status]")).toContain("The wave is active");
    // No team has an objective yet: the board says so instead of "no team is behind".
    await page.goto(`${base}/o/${SLUG}`);
    expect(await page.textContent("[data-support-empty='no-objectives']")).toContain("No team has written an objective yet");
  });

  it("the admin invites a lead, who signs in through the invitation, writes an aligned objective and checks in", async () => {
    const adminPage = await admin.newPage();
    await adminPage.goto(`${base}/o/${SLUG}/teams`);
    await adminPage.selectOption("#invite-team", ids.team!);
    await adminPage.fill("#invite-name", "Lee Lead");
    await adminPage.fill("#invite-email", `lee-${stamp}@acme.example`);
    await submit(adminPage, "form:has(#invite-email) button[type=submit]");
    expect(await adminPage.textContent("[role=status]")).toContain("Invitation sent");

    const page = await lead.newPage();
    const watch = watchPage(page);
    const mail = await latestEmail(page.request, base, `lee-${stamp}@acme.example`, "invited you to lead Rocket Payments in Acme Rockets");
    await followEmailLink(page, linkIn(mail.text, "/auth/link/"));
    expect(new URL(page.url()).pathname).toBe(`/o/${SLUG}/teams/${ids.team}`);
    await maybeScreenshot(page, "team-empty-360");

    await page.click("text=Write an objective");
    await page.waitForURL(/objectives\/new/);
    await page.selectOption('select[name="parentId"]', { label: "Customers pay without friction" });
    await page.fill('input[name="title"]', "One-tap card updates");
    // Missing rationale first: refused, what was typed is kept.
    await page.fill('input[name="kr0_title"]', "Card-update completion");
    await page.fill('input[name="kr0_baseline"]', "50");
    await page.fill('input[name="kr0_target"]', "80");
    await submit(page, "main form button[type=submit]");
    expect(await page.textContent("#f-rationale-error")).toContain("The alignment rationale is required");
    expect(await page.inputValue('input[name="kr0_title"]')).toBe("Card-update completion");
    await expectNoAxeViolations(page, "objective form with errors");
    await page.fill(
      'textarea[name="rationale"]',
      "Failed card payments drive checkout abandonment; fixing the card in one tap removes the biggest drop-off.",
    );
    await submit(page, "main form button[type=submit]");
    expect(await page.textContent("[data-objective='One-tap card updates'] .rationale")).toContain("Failed card payments");

    // A check-in that is not a number is refused; a number is kept in the history.
    const kr = "[data-kr='Card-update completion']";
    await page.fill(`${kr} input[name="value"]`, "sixty");
    await submit(page, `${kr} form button[type=submit]`);
    expect(await page.textContent(`${kr} .field-error`)).toContain("must be a number");
    await page.fill(`${kr} input[name="value"]`, "65");
    await page.fill(`${kr} input[name="note"]`, "Retry banner shipped");
    await page.selectOption(`${kr} select[name="confidence"]`, "4");
    await submit(page, `${kr} form button[type=submit]`);
    expect(await page.textContent(`${kr} [data-current]`)).toBe("65");
    expect(await page.textContent(`${kr} table`)).toContain("Retry banner shipped");
    expect(await page.textContent(`${kr} table`)).toContain("4 On track");
    expect(await page.textContent("[data-objective='One-tap card updates'] [data-lead-confidence]")).toContain("Lead's confidence: 4 of 5");
    // The page comes back to the key result just checked in, not to the top.
    const hash = new URL(page.url()).hash;
    expect(hash).toMatch(/^#kr-/);
    expect(await page.getAttribute(hash, "data-kr")).toBe("Card-update completion");
    expect(await page.textContent(`${kr} [data-saved]`)).toContain("Check-in saved.");

    // The lead adds a second key result to the objective from the team page.
    const objective = "[data-objective='One-tap card updates']";
    await page.click(`${objective} summary:has-text("Add a key result")`);
    await page.fill(`${objective} .kr-form input[name="title"]`, "Support tickets about cards");
    await page.fill(`${objective} .kr-form input[name="baseline"]`, "40");
    await page.fill(`${objective} .kr-form input[name="target"]`, "10");
    await submit(page, `${objective} .kr-form button[type=submit]`);
    expect(await page.textContent("[role=status]")).toContain("Key result added.");
    expect(await page.textContent(`${objective} [data-kr='Support tickets about cards']`)).toContain("target 10");
    const second = `${objective} [data-kr='Support tickets about cards']`;
    await page.fill(`${second} input[name="value"]`, "25");
    await submit(page, `${second} form button[type=submit]`);
    expect(await page.textContent(`${second} [data-current]`)).toBe("25");
    await expectNoAxeViolations(page, "team page");
    await maybeScreenshot(page, "team-360");
    expect(watch.errors).toEqual([]);
  });

  it("the admin sees it on the board", async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/o/${SLUG}`);
    expect(await page.textContent("h1")).toBe("Wave 1");
    const objective = page.locator("[data-org-objective='Customers pay without friction']");
    expect(await objective.textContent()).toContain("Rocket Payments");
    expect(await objective.textContent()).toContain("One-tap card updates");
    // 65 on a 50 → 80 key result is 50% progress.
    expect(await objective.locator(".aligned [role=img]").getAttribute("aria-label")).toMatch(/One-tap card updates: 50%/);
    expect(await page.textContent("[data-team-row='Rocket Payments']")).toContain("50%");
    await expectNoAxeViolations(page, "board");
    await maybeScreenshot(page, "board-1280");
  });
});

describe("ending a wave", () => {
  it("asks before completing, lets a wave completed by mistake reopen, and does not offer a second start", async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/o/${SLUG}/waves`);
    await page.fill('input[name="name"]', "Wave 2");
    await page.fill('input[name="startsOn"]', "2027-01-04");
    await page.fill('input[name="endsOn"]', "2027-01-31");
    await submit(page, "main form button[type=submit]");
    const wave2 = new URL(page.url()).pathname;
    expect(await page.textContent("[data-start-blocked]")).toContain("Wave 1 is the active wave");
    expect(await page.locator('form:has(input[value="activate"])').count()).toBe(0);

    await page.goto(`${base}/o/${SLUG}/waves/${ids.wave}`);
    const complete = 'form:has(input[value="complete"]) button';
    expect(await page.isVisible(complete)).toBe(false);
    await page.click('summary:has-text("Complete this wave")');
    expect(await page.textContent("#state")).toMatch(/ends it \d+ days early|Today is its last day/);
    await submit(page, complete);
    expect(await page.textContent("[role=status]")).toContain("The wave is completed");
    await expectNoAxeViolations(page, "completed wave");
    await submit(page, 'form:has(input[value="reopen"]) button');
    expect(await page.textContent("[role=status]")).toContain("The wave is active again");
    await page.goto(`${base}/o/${SLUG}`);
    expect(await page.textContent("h1")).toBe("Wave 1");
    // Wave 2 still cannot start while Wave 1 runs.
    await page.goto(`${base}${wave2}`);
    expect(await page.locator("[data-start-blocked]").count()).toBe(1);
  });
});

/** Every page under /o/[org], as a path for Acme's ids. */
const ORG_PAGES = (team: string, wave: string) => ({
  "index.astro": `/o/${SLUG}`,
  "actions.astro": `/o/${SLUG}/actions`,
  "settings.astro": `/o/${SLUG}/settings`,
  "pulse.astro": `/o/${SLUG}/pulse`,
  "reports.astro": `/o/${SLUG}/reports`,
  "teams/index.astro": `/o/${SLUG}/teams`,
  "teams/[team]/index.astro": `/o/${SLUG}/teams/${team}`,
  "teams/[team]/objectives/new.astro": `/o/${SLUG}/teams/${team}/objectives/new`,
  "waves/index.astro": `/o/${SLUG}/waves`,
  "waves/[wave].astro": `/o/${SLUG}/waves/${wave}`,
  "ppp.astro": `/o/${SLUG}/ppp`,
  "teams/[team]/ppp.astro": `/o/${SLUG}/teams/${team}/ppp`,
  "boosts/index.astro": `/o/${SLUG}/boosts`,
  "boosts/[boost].astro": `/o/${SLUG}/boosts/AAAAAAAAAAAAAAAAAAAAAA`,
  "results.astro": `/o/${SLUG}/results`,
  "campaigns.astro": `/o/${SLUG}/campaigns`,
  "integrations.astro": `/o/${SLUG}/integrations`,
});

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? pageFiles(join(dir, f)) : [join(dir, f)]));
}

describe("another org's admin", () => {
  it("gets 404 for every page of the org, read or write, and changes nothing", async () => {
    const page = await outsider.newPage();
    await createOrg(page, OTHER_SLUG, "Globex", `gil-${stamp}@globex.example`);
    const pages = ORG_PAGES(ids.team!, ids.wave!);
    const dir = new URL("../../src/pages/o/[org]/", import.meta.url).pathname;
    expect(
      pageFiles(dir)
        .map((f) => relative(dir, f))
        .sort(),
    ).toEqual(Object.keys(pages).sort());

    for (const path of Object.values(pages)) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await page.textContent("h1"), path).toBe("We could not find that page");
      const post = await page.request.post(`${base}${path}`, {
        form: { _action: "create-team", name: "Intruders", declaredSize: "3", title: "x" },
        headers: { origin: base },
        maxRedirects: 0,
      });
      expect(post.status(), `POST ${path}`).toBe(404);
    }
    const teams = await (await admin.newPage()).goto(`${base}/o/${SLUG}/teams`);
    expect(await teams?.text()).not.toContain("Intruders");
  });

  it("signed out, every org page sends you to sign in", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const path of Object.values(ORG_PAGES(ids.team!, ids.wave!))) {
      await page.goto(`${base}${path}`);
      expect(new URL(page.url()).pathname, path).toBe("/signin");
    }
    await context.close();
  });
});

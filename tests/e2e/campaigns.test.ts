import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { scoreScorecard } from "../../src/domain/scorecard/scoring";
import { DIMENSIONS, STATEMENTS, type DimensionId } from "../../src/domain/scorecard/statements";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext, watchPage } from "../support/browser";
import { createOrgThroughStart } from "../support/browser-flows";

const base = inject("baseUrl");
const stamp = Date.now().toString(36);
const SLUG = `initech-${stamp}`;
const K = 5;
const KB = 1024;
let browser: Browser;
let admin: BrowserContext;
let link = "";

/** Answers whose items all count `values[d]` after reverse scoring (1 → 0, 3 → 50, 5 → 100). */
function answersScoring(values: Record<DimensionId, number>): Record<string, number> {
  return Object.fromEntries(STATEMENTS.map((s) => [s.id, s.reverse ? 6 - values[s.dimension] : values[s.dimension]]));
}
const LEADERS = answersScoring({ clarity: 4, context: 4, autonomy: 5, velocity: 4 });
const MEMBERS = answersScoring({ clarity: 3, context: 2, autonomy: 2, velocity: 3 });

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newContext(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function submit(page: Page, selector: string) {
  return (await Promise.all([page.waitForNavigation(), page.click(selector)]))[0];
}

/** One person in a browser of their own, JavaScript off: every statement, then the leader question. */
async function answerWithoutJs(answers: Record<string, number>, leader: "yes" | "no" | null): Promise<void> {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(link);
  for (const s of STATEMENTS) await page.check(`input[name="${s.id}"][value="${answers[s.id]}"]`);
  if (leader) await page.check(`input[name="leader"][value="${leader}"]`);
  const response = await submit(page, "button[type=submit]");
  expect(response?.status()).toBe(200);
  expect(await page.textContent("h1")).toBe("Thank you: your answers are in");
  await context.close();
}

async function openResults(page: Page, path = `/o/${SLUG}/results`): Promise<void> {
  const response = await page.goto(`${base}${path}`);
  expect(response?.status()).toBe(200);
}

describe("an org runs the Scorecard among its people", () => {
  it("the admin declares the headcount and opens a campaign with a shareable anonymous link", async () => {
    const page = await admin.newPage();
    await createOrgThroughStart(page, base, SLUG, "Initech", `bill-${stamp}@initech.example`);
    await page.goto(`${base}/o/${SLUG}/campaigns`);
    expect(await page.textContent("[data-needs-headcount]")).toContain("set how many people work in Initech");

    await page.goto(`${base}/o/${SLUG}/settings`);
    await page.fill('input[name="headcount"]', "many");
    await submit(page, "main form button[type=submit]");
    expect(await page.textContent("#f-headcount-error")).toContain("a whole number from 1 to 100000");
    await page.fill('input[name="headcount"]', "40");
    await submit(page, "main form button[type=submit]");
    expect(await page.textContent("[role=status]")).toContain("Settings saved");

    await page.goto(`${base}/o/${SLUG}/campaigns`);
    await page.fill("#campaign-name", "Spring pulse of how we work");
    await submit(page, "form:has(#campaign-name) button[type=submit]");
    expect(await page.textContent("[role=status]")).toContain("Campaign opened");
    link = await page.inputValue("[data-open-campaign] input[data-copy-source]");
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
    expect(await page.textContent("[data-response-count]")).toBe(`fewer than ${K}`);
    await expectNoAxeViolations(page, "campaigns page");
    await maybeScreenshot(page, "campaigns-1280");
  });

  it("shows nothing with k − 1 responses", async () => {
    await answerWithoutJs(LEADERS, "yes");
    await answerWithoutJs(LEADERS, "yes");
    await answerWithoutJs(MEMBERS, "no");
    await answerWithoutJs(MEMBERS, null);
    const page = await admin.newPage();
    await openResults(page);
    expect(await page.textContent("[data-waiting]")).toContain(`Results appear once at least ${K} people have answered`);
    // Not even the count: it would move with each answer.
    expect(await page.textContent("[data-waiting]")).toContain(`fewer than ${K} so far`);
    expect(await page.textContent("[data-waiting]")).not.toContain(String(K - 1));
    for (const selector of ["[data-overall]", "[data-score]", "[data-band]", "[data-distribution]", "mv-chart", "[data-gap-insight]"]) {
      expect(await page.locator(selector).count(), selector).toBe(0);
    }
    await expectNoAxeViolations(page, "result page below k");
  });

  it("a person answers on a phone with the stepper, and a public quiz in progress on the same phone is left alone", async () => {
    const context = await newContext(browser, { width: 360 });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${base}/scorecard`);
    await page.waitForSelector("form.is-stepper");
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("4");
      await expect.poll(() => page.textContent("[data-count]")).toBe(`Statement ${i + 2} of 20`);
    }

    await page.goto(link);
    await page.waitForSelector("form.is-stepper");
    expect(await page.textContent("[data-count]")).toBe("Statement 1 of 20");
    expect(await page.textContent("[data-promise]")).toContain(`at least ${K} people`);
    await expectNoAxeViolations(page, "campaign link stepper");
    await maybeScreenshot(page, "campaign-link-360");
    for (let i = 0; i < STATEMENTS.length; i++) {
      await page.keyboard.press(String(LEADERS[STATEMENTS[i].id]));
      await expect
        .poll(() => page.textContent("[data-count]"))
        .toBe(i < STATEMENTS.length - 1 ? `Statement ${i + 2} of 20` : "One more question, optional");
    }
    await page.keyboard.press("1");
    expect(await page.isChecked('input[name="leader"][value="yes"]')).toBe(true);
    await submit(page, "[data-submit]");
    expect(await page.textContent("h1")).toBe("Thank you: your answers are in");
    // Back on the link: this browser cannot answer twice.
    await page.goto(link);
    expect(await page.locator("form[data-quiz]").count()).toBe(0);
    expect(await page.textContent("[data-status]")).toContain("this browser cannot answer twice");

    await page.goto(`${base}/scorecard`);
    await page.waitForSelector("form.is-stepper");
    expect(await page.textContent("[data-count]")).toBe("Statement 4 of 20");
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("shows the result with the gap once leaders and everyone else pass k, within the JavaScript budget", async () => {
    await answerWithoutJs(LEADERS, "yes");
    await answerWithoutJs(LEADERS, "yes");
    await answerWithoutJs(MEMBERS, "no");
    await answerWithoutJs(MEMBERS, "no");
    await answerWithoutJs(MEMBERS, null);

    const page = await admin.newPage();
    const watch = watchPage(page);
    await openResults(page);
    const leaders = scoreScorecard(LEADERS).dimensions;
    const members = scoreScorecard(MEMBERS).dimensions;
    expect(await page.textContent("[data-included]")).toBe(String(2 * K));
    expect(await page.textContent("[data-held]")).toBe(
      `These figures and their count move only in steps of ${K} answers, so nobody's answers can be read from a change; answers since the last step count at the next.`,
    );
    for (const d of DIMENSIONS) {
      expect(Number(await page.textContent(`tr[data-dimension="${d.id}"] [data-score]`)), d.name).toBe((leaders[d.id] + members[d.id]) / 2);
      expect(Number(await page.textContent(`tr[data-dimension="${d.id}"] [data-leaders]`)), d.name).toBe(leaders[d.id]);
      expect(Number(await page.textContent(`tr[data-dimension="${d.id}"] [data-rest]`)), d.name).toBe(members[d.id]);
    }
    expect(await page.textContent("[data-gap-insight]")).toBe(
      "Leaders rate Decision Autonomy 75 points higher than everyone else: leaders believe teams can act without approval more than teams feel it.",
    );
    expect(await page.textContent('[data-gap-row="autonomy"] [data-gap]')).toBe("+75");
    expect(await page.textContent('[data-statement="da1"] [data-answer="2"] .count')).toBe(String(K));
    expect(await page.textContent('[data-statement="da1"] [data-answer="5"] .count')).toBe(String(K));
    expect(await page.textContent("#advice-title")).toContain("Where to start");

    await page.locator("mv-chart[data-kind=radar]").scrollIntoViewIfNeeded();
    await expect.poll(() => page.getAttribute("mv-chart[data-kind=radar]", "data-drawn")).toBe("true");
    await page.waitForLoadState("networkidle");
    console.log(`JavaScript (gzip) on the org result page: ${watch.gzipTotal()} B`);
    expect(watch.gzipTotal()).toBeLessThanOrEqual(90 * KB);
    expect(watch.errors).toEqual([]);
    await expectNoAxeViolations(page, "result page with the gap");
    await maybeScreenshot(page, "org-results-1280");
  });

  it("moves no figure, nor the count, when one more person answers", async () => {
    const page = await admin.newPage();
    await openResults(page);
    const before = await page.textContent("#dims-table tbody");
    const gapBefore = await page.textContent("#gap-table tbody");
    // A colleague answers very differently, as a leader: the admin must not be able to read that from the page.
    await answerWithoutJs(MEMBERS, "yes");
    await openResults(page);
    expect(await page.textContent("[data-held]")).toBe(
      `These figures and their count move only in steps of ${K} answers, so nobody's answers can be read from a change; answers since the last step count at the next.`,
    );
    expect(await page.textContent("[data-included]")).toBe(String(2 * K));
    expect(await page.textContent("#dims-table thead")).toContain(`Leaders (${K})`);
    expect(await page.textContent("#dims-table tbody")).toBe(before);
    expect(await page.textContent("#gap-table tbody")).toBe(gapBefore);
    await page.goto(`${base}/o/${SLUG}/campaigns`);
    expect(await page.textContent("[data-response-count]")).toBe(String(2 * K));
  });

  it("publishes a read-only share link that works signed out until it is revoked", async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/o/${SLUG}/campaigns`);
    await page.selectOption("#share-expiry", "7");
    await submit(page, "form:has(#share-expiry) button[type=submit]");
    expect(await page.textContent("[role=status]")).toContain("Share link created");
    const item = page.locator("[data-share-link][data-status=active]");
    const shareUrl = await item.locator("input[data-copy-source]").inputValue();
    expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{22}$/);
    expect(await item.textContent()).toContain("expires");

    const outsider = await newContext(browser, { width: 360 });
    const visitor = await outsider.newPage();
    const first = await visitor.goto(shareUrl);
    expect(first?.status()).toBe(200);
    expect(first?.headers()["x-robots-tag"]).toBe("noindex");
    expect(await visitor.getAttribute('meta[name="robots"]', "content")).toBe("noindex");
    expect(await visitor.textContent("[data-included]")).toBe(String(2 * K));
    expect(await visitor.textContent("[data-held]")).toContain(`move only in steps of ${K} answers`);
    expect(await visitor.textContent('[data-gap-row="autonomy"] [data-gap]')).toBe("+75");
    expect(await visitor.locator(".org-nav").count()).toBe(0);
    await expectNoAxeViolations(visitor, "share page");
    await maybeScreenshot(visitor, "share-360");

    await submit(page, "[data-share-link][data-status=active] form.revoke button");
    expect(await page.textContent("[role=status]")).toContain("Share link revoked");
    const after = await visitor.goto(shareUrl);
    expect(after?.status()).toBe(410);
    expect(await visitor.textContent("h1")).toBe("This link no longer works");
    expect(await visitor.textContent("[data-share-gone]")).toContain("withdrew this link");
    expect(await visitor.locator("[data-included]").count()).toBe(0);
    await expectNoAxeViolations(visitor, "revoked share page");
    await outsider.close();
  });

  it("closing the campaign makes its link answer 410 with a kind page", async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/o/${SLUG}/campaigns`);
    await submit(page, "[data-close]");
    expect(await page.textContent("[role=status]")).toContain("Campaign closed");
    await openResults(page);
    expect(await page.getAttribute("[data-campaign-state]", "data-campaign-state")).toBe("closed");

    const context = await newContext(browser, { javaScriptEnabled: false, width: 360 });
    const visitor = await context.newPage();
    const response = await visitor.goto(link);
    expect(response?.status()).toBe(410);
    expect(await visitor.textContent("h1")).toBe("This campaign has closed");
    expect(await visitor.textContent("main")).toContain("Thank you for wanting to answer");
    await expectNoAxeViolations(visitor, "closed campaign link");
    await context.close();
  });
});

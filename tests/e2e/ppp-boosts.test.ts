import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext, watchPage } from "../support/browser";
import { followEmailLink, latestEmail, linkIn, signIn } from "../support/browser-flows";

const base = inject("baseUrl");
const stamp = Date.now().toString(36);
const SLUG = `nimbus-${stamp}`;
const ORG = "Nimbus Freight";
const ADMIN = `ada-${stamp}@nimbus.example`;
const LEAD_A = `cara-${stamp}@nimbus.example`;
const LEAD_B = `ben-${stamp}@nimbus.example`;
const PROBLEM = "No staging environment for the card vault";
let browser: Browser;
let admin: BrowserContext;
let leadA: BrowserContext;
let leadB: BrowserContext;
const ids: { checkout?: string; platform?: string; boost?: string } = {};

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** The Monday two weeks back (UTC), so last week and this week fall inside the wave. */
function mondayTwoWeeksAgo(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 14);
  return d.toISOString().slice(0, 10);
}

async function api(page: Page, path: string, data: unknown) {
  const res = await page.request.post(`${base}/api/orgs/${SLUG}${path}`, { data, headers: { "content-type": "application/json" } });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return res.status() === 204 ? null : ((await res.json()) as Record<string, unknown>);
}

async function acceptInvite(context: BrowserContext, email: string) {
  const page = await context.newPage();
  await followEmailLink(page, linkIn((await latestEmail(page.request, base, email, "invited you to lead")).text, "/auth/link/"));
  await page.close();
}

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newContext(browser);
  leadA = await newContext(browser);
  leadB = await newContext(browser, { width: 360 });

  // The org, its two teams, a running wave and the leads, set up through the JSON API.
  const page = await admin.newPage();
  const created = await page.request.post(`${base}/api/orgs`, {
    data: { orgName: ORG, slug: SLUG, timeZone: "Europe/Berlin", name: "Ada Admin", email: ADMIN },
  });
  expect(created.status()).toBe(202);
  await followEmailLink(page, linkIn((await latestEmail(page.request, base, ADMIN, `Confirm ${ORG}`)).text, "/auth/link/"));
  ids.checkout = (await api(page, "/teams", { name: "Checkout", declaredSize: 6 }))?.id as string;
  ids.platform = (await api(page, "/teams", { name: "Platform Core", declaredSize: 5 }))?.id as string;
  const startsOn = mondayTwoWeeksAgo();
  const endsOn = new Date(Date.parse(startsOn) + 27 * 86_400_000).toISOString().slice(0, 10);
  const wave = (await api(page, "/waves", { name: "Wave 1", startsOn, endsOn }))?.id as string;
  const objective = (await api(page, `/waves/${wave}/objectives`, { title: "Customers pay without friction", kind: "roofshot" }))
    ?.id as string;
  await api(page, `/waves/${wave}/activate`, {});
  await api(page, "/invites", { teamId: ids.checkout, name: "Cara Lead", email: LEAD_A });
  await api(page, "/invites", { teamId: ids.platform, name: "Ben Lead", email: LEAD_B });
  await acceptInvite(leadA, LEAD_A);
  await acceptInvite(leadB, LEAD_B);
  const leadPage = await leadA.newPage();
  await api(leadPage, `/waves/${wave}/team-objectives`, {
    teamId: ids.checkout,
    parentId: objective,
    title: "One-tap card updates",
    rationale: "Failed card payments drive most of the friction at checkout.",
  });
  await leadPage.close();
  await page.close();
});
afterAll(async () => {
  await browser?.close();
});

describe("a week of PPPs and a boost, as the people walk it", () => {
  it("the lead posts last week's PPP late, with a plan and a problem", async () => {
    const page = await leadA.newPage();
    const watch = watchPage(page);
    await page.goto(`${base}/o/${SLUG}/teams/${ids.checkout}/ppp`);
    await Promise.all([page.waitForNavigation(), page.click('[data-week-link="previous"]')]);
    expect(page.url()).toContain("?week=");
    expect(await page.textContent("main")).toContain("A late PPP still counts");
    // One empty row per section on the page; the next appears as the one before gets text.
    expect(await page.isVisible('input[name="progress1_text"]')).toBe(false);
    await page.fill('input[name="progress0_text"]', "Retry banner shipped to every customer");
    expect(await page.isVisible('input[name="progress1_text"]')).toBe(true);
    expect(await page.isVisible('input[name="progress2_text"]')).toBe(false);
    await page.selectOption('select[name="progress0_objective"]', { label: "One-tap card updates" });
    await page.fill('input[name="plans0_text"]', "Migrate the card vault");
    await page.fill('input[name="plans1_text"]', "Pair with support on failed payments");
    await page.fill('input[name="problems0_text"]', PROBLEM);
    await submit(page, 'button[value="submit"]');
    expect(await page.textContent("[role=status]")).toContain("PPP submitted");
    expect(await page.textContent('[data-ppp-section="problems"]')).toContain(PROBLEM);
    expect(await page.textContent('[data-ppp-section="progress"]')).toContain("One-tap card updates");
    await expectNoAxeViolations(page, "published PPP");
    expect(watch.errors).toEqual([]);
  });

  it("this week, last week's plans come back, the draft saves itself, a plan is carried over and the problem ages", async () => {
    const page = await leadA.newPage();
    const watch = watchPage(page);
    await page.goto(`${base}/o/${SLUG}/teams/${ids.checkout}/ppp`);
    expect(await page.textContent("#review")).toContain("Migrate the card vault");
    // The open problem is carried into this week: two weeks old and offered as a boost.
    expect(await page.inputValue('input[name="problems0_text"]')).toBe(PROBLEM);
    expect(await page.textContent('[data-line="problems0"] [data-age]')).toContain("open 2 weeks");
    expect(await page.isVisible('[data-line="problems0"] [data-boost-offer]')).toBe(true);

    // The draft saves itself a moment after typing, and is there after a reload.
    await page.fill('input[name="progress0_text"]', "Card vault dry run on a copy of production");
    await page.waitForFunction(() => /Saved/.test(document.querySelector("[data-save-status]")?.textContent ?? ""));
    await page.reload();
    expect(await page.inputValue('input[name="progress0_text"]')).toBe("Card vault dry run on a copy of production");

    // One click moves a done plan to Progress; the other plan is carried over.
    await page.click('fieldset[data-plan="Pair with support on failed payments"] button[data-move-plan]');
    expect(await page.inputValue('input[name="progress1_text"]')).toBe("Pair with support on failed payments");
    await page.check('fieldset[data-plan="Migrate the card vault"] input[value="carried"]');
    await page.selectOption('select[name="progress0_objective"]', { label: "One-tap card updates" });

    // An objective without text is an empty item: refused with a message by the line, nothing lost.
    await page.selectOption('select[name="progress2_objective"]', { label: "One-tap card updates" });
    await submit(page, 'button[value="submit"]');
    expect(await page.textContent("#f-progress2_text-error")).toContain("An item cannot be empty");
    expect(await page.inputValue('input[name="progress1_text"]')).toBe("Pair with support on failed payments");
    expect(await page.isChecked('fieldset[data-plan="Migrate the card vault"] input[value="carried"]')).toBe(true);
    await expectNoAxeViolations(page, "PPP form with an error");
    await maybeScreenshot(page, "ppp-form-error-1280");

    await page.selectOption('select[name="progress2_objective"]', "");
    await submit(page, 'button[value="submit"]');
    expect(await page.textContent("[role=status]")).toContain("PPP submitted");
    expect(await page.textContent('[data-ppp-section="plans"] li[data-item="Migrate the card vault"]')).toContain("postponed");
    expect(await page.textContent("[data-plans-done]")).toContain("50%");
    expect(await page.textContent(`[data-ppp-section="problems"] li[data-item="${PROBLEM}"] [data-age]`)).toBe("open 2 weeks");
    expect(watch.gzipTotal()).toBeLessThan(15_000);
    expect(watch.errors).toEqual([]);

    // A week that has not started cannot be written.
    await page.goto(`${base}/o/${SLUG}/teams/${ids.checkout}/ppp?week=${new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10)}`);
    expect(await page.textContent("[data-week-problem]")).toContain("has not started");
    expect(await page.$("form[data-ppp-form]")).toBeNull();
  });

  it("the ageing problem becomes a boost to another team in one click", async () => {
    const page = await leadA.newPage();
    await page.goto(`${base}/o/${SLUG}/teams/${ids.checkout}/ppp`);
    await Promise.all([page.waitForNavigation(), page.click(`li[data-item="${PROBLEM}"] [data-boost-offer]`)]);
    expect(await page.inputValue("#boost-need")).toContain(PROBLEM);
    expect(await page.inputValue("#boost-problem")).not.toBe("");
    await expectNoAxeViolations(page, "boost form");
    await page.selectOption("#boost-to", { label: "Platform Core" });
    await submit(page, "form.boost-form button[type=submit]");
    expect(await page.textContent("[role=status]")).toContain("Platform Core's lead has it by email");
    expect(await page.textContent("[data-boost-state]")).toBe("Open");
    ids.boost = new URL(page.url()).pathname.split("/").pop();
  });

  it("leadership sees the posted PPP, the open problem and the open boost", async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/o/${SLUG}`);
    expect(await page.textContent("[data-board-open-boosts]")).toContain("Checkout → Platform Core");
    expect(await page.textContent("[data-board-open-boosts] [data-age]")).toMatch(/^waiting /);
    expect(await page.getAttribute('[data-ppp-marker="Checkout"]', "data-ppp-state")).toBe("submitted");
    expect(await page.getAttribute('[data-ppp-marker="Platform Core"]', "data-ppp-state")).toBe("missing");
    await expectNoAxeViolations(page, "board with boosts");

    await page.goto(`${base}/o/${SLUG}/ppp`);
    expect(await page.textContent("[data-posted-count]")).toBe("1 of 2");
    expect(await page.getAttribute('[data-ppp-team="Platform Core"]', "data-posted")).toBe("no");
    expect(await page.textContent(`[data-open-problem="${PROBLEM}"] [data-age]`)).toBe("open 2 weeks");
    expect(await page.textContent(`[data-open-problem="${PROBLEM}"] [data-problem-boost]`)).toContain("Boost asked of Platform Core");
    expect(await page.textContent('[data-progress-group="Customers pay without friction"]')).toContain(
      "Checkout: Card vault dry run on a copy of production",
    );
    expect(await page.textContent('[data-progress-group="Not linked to an objective"]')).toContain(
      "Checkout: Pair with support on failed payments",
    );
    await expectNoAxeViolations(page, "PPP summary");
    await maybeScreenshot(page, "ppp-summary-1280");
  });

  it("the other team's lead asks a question, then accepts, from the emailed link on a phone", async () => {
    const page = await leadB.newPage();
    const watch = watchPage(page);
    const mail = await latestEmail(page.request, base, LEAD_B, `Checkout asks Platform Core for a boost · ${ORG}`);
    expect(mail.text).toContain(PROBLEM);
    await page.goto(linkIn(mail.text, "/o/"));
    await page.fill("#message-body", "Which region should staging run in?");
    await submit(page, "form.reply button[type=submit]");
    expect(await page.textContent('[data-message="Which region should staging run in?"]')).toContain("Ben Lead");
    await submit(page, 'form:has(input[value="accept"]) button');
    expect(await page.textContent("[data-boost-state]")).toBe("Accepted");
    expect(await page.textContent("[data-helper]")).toContain("Platform Core");
    await expectNoAxeViolations(page, "accepted boost, 360 px");
    await maybeScreenshot(page, "boost-accepted-360");

    await page.goto(`${base}/o/${SLUG}/teams/${ids.platform}`);
    expect(await page.textContent("[data-team-accepted-boosts]")).toContain("Checkout → Platform Core");
    expect(watch.errors).toEqual([]);
  });

  it("the requester hears about it, replies and marks it resolved; both teams got every step by email", async () => {
    const page = await leadA.newPage();
    expect(
      (await latestEmail(page.request, base, LEAD_A, `Ben Lead (Platform Core) wrote on Checkout's boost request · ${ORG}`)).text,
    ).toContain("Which region");
    const accepted = await latestEmail(page.request, base, LEAD_A, `Platform Core accepted your boost request · ${ORG}`);
    await page.goto(`${base}/o/${SLUG}/teams/${ids.checkout}`);
    expect(await page.textContent("[data-team-accepted-boosts]")).toContain("Checkout → Platform Core");
    await page.goto(linkIn(accepted.text, "/o/"));
    await page.fill("#message-body", "eu-west, next to production. Thank you!");
    await submit(page, "form.reply button[type=submit]");
    await submit(page, 'form:has(input[value="resolve"]) button');
    expect(await page.textContent("[data-boost-state]")).toBe("Resolved");
    expect(await page.textContent("[data-resolved]")).toMatch(/\((within a minute|after \d+ min)\)/);
    expect(
      (await latestEmail(page.request, base, LEAD_B, `Cara Lead (Checkout) wrote on Checkout's boost request · ${ORG}`)).text,
    ).toContain("eu-west");
    expect((await latestEmail(page.request, base, LEAD_B, `Checkout marked their boost request resolved · ${ORG}`)).text).toContain(
      "Thank you for the help",
    );
  });

  it("leadership sees time to help and who helped whom; the board has no open boost left", async () => {
    const page = await admin.newPage();
    await page.goto(`${base}/o/${SLUG}/boosts`);
    expect(await page.textContent('[data-matrix-cell="Checkout→Platform Core"]')).toBe("1");
    expect(await page.textContent('[data-wave-timings="Wave 1"] [data-median-accept]')).not.toBe("—");
    expect(await page.textContent('[data-wave-timings="Wave 1"] [data-median-resolve]')).not.toContain("—");
    expect(await page.textContent("[data-open-count]")).toBe("0");
    await expectNoAxeViolations(page, "boosts overview");
    await maybeScreenshot(page, "boosts-1280");

    await page.goto(`${base}/o/${SLUG}`);
    expect(await page.textContent("[data-board-open-boosts]")).toContain("No team is waiting");
    await page.goto(`${base}/o/${SLUG}/ppp`);
    expect(await page.textContent(`[data-open-problem="${PROBLEM}"] [data-problem-boost]`)).toBe("Boost resolved");
  });

  it("without JavaScript, a lead saves a draft with the form's own button", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, width: 360 });
    const page = await context.newPage();
    await signIn(page, base, LEAD_B);
    await page.goto(`${base}/o/${SLUG}/teams/${ids.platform}/ppp`);
    await page.fill('input[name="progress0_text"]', "Staging environment for Checkout is up");
    await submit(page, 'form[data-ppp-form] .actions button[value="save"]');
    expect(await page.textContent("[role=status]")).toContain("Draft saved");
    expect(await page.inputValue('input[name="progress0_text"]')).toBe("Staging environment for Checkout is up");
    await expectNoAxeViolations(page, "PPP draft without JavaScript");
    await context.close();

    // A draft is not posted: leadership still sees Platform Core as missing.
    const adminPage = await admin.newPage();
    await adminPage.goto(`${base}/o/${SLUG}/ppp`);
    expect(await adminPage.getAttribute('[data-ppp-team="Platform Core"]', "data-posted")).toBe("no");
  });
});

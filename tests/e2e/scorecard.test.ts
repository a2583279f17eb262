import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { scoreScorecard } from "../../src/domain/scorecard/scoring";
import { diagnose } from "../../src/domain/scorecard/diagnosis";
import { bandForScore } from "../../src/domain/scorecard/spectrum";
import { DIMENSIONS, STATEMENTS } from "../../src/domain/scorecard/statements";
import { ROOT } from "../../scripts/dev-server.ts";
import { followEmailLink, latestEmail, linkIn } from "../support/browser-flows";
import { expectNoAxeViolations, launchBrowser, maybeScreenshot, newContext, watchPage } from "../support/browser";

const base = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A varied answer pattern: 1..5 cycling, so dimensions differ. */
const ANSWERS = Object.fromEntries(STATEMENTS.map((s, i) => [s.id, ((i * 3) % 5) + 1]));
const EXPECTED = scoreScorecard(ANSWERS);
const KB = 1024;

async function expectResultMatchesDomain(page: Page) {
  await expect.poll(() => page.url()).toMatch(/\/scorecard\/r\/[A-Za-z0-9_-]{22}$/);
  expect(await page.textContent("[data-band]")).toBe(bandForScore(EXPECTED.overall).name);
  expect(Number(await page.textContent("[data-overall]"))).toBe(EXPECTED.overall);
  // One headline: the band with the sentence written for its quadrant, and the quadrant's name beside it.
  const diagnosis = diagnose(EXPECTED);
  expect(await page.textContent("[data-headline]")).toBe(diagnosis.headline);
  expect(await page.textContent("[data-quadrant]")).toBe(diagnosis.quadrant.name);
  for (const d of DIMENSIONS) {
    expect(Number(await page.textContent(`tr[data-dimension="${d.id}"] [data-score]`)), d.name).toBe(EXPECTED.dimensions[d.id]);
  }
}

describe("the Scorecard with JavaScript off", () => {
  it("re-renders a missing answer beside its question, keeps the rest, then shows the result and emails the report", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, width: 360 });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${base}/scorecard`);
    expect(watch.scripts.size).toBe(0);
    await expectNoAxeViolations(page, "/scorecard without JS");

    // Answer everything but statement 7.
    const skipped = STATEMENTS[6];
    for (const s of STATEMENTS) if (s !== skipped) await page.check(`input[name="${s.id}"][value="${ANSWERS[s.id]}"]`);
    const [response] = await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    expect(response?.status()).toBe(400);
    expect(await page.textContent(`#err-${skipped.id}`)).toContain("Choose how much you agree");
    expect(await page.locator(".field-error").count()).toBe(1);
    expect(await page.isChecked(`input[name="${STATEMENTS[0].id}"][value="${ANSWERS[STATEMENTS[0].id]}"]`)).toBe(true);
    expect(await page.isChecked(`input[name="${STATEMENTS[19].id}"][value="${ANSWERS[STATEMENTS[19].id]}"]`)).toBe(true);
    await expectNoAxeViolations(page, "/scorecard with an error");
    await maybeScreenshot(page, "scorecard-nojs-error-360");

    await page.check(`input[name="${skipped.id}"][value="${ANSWERS[skipped.id]}"]`);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    await expectResultMatchesDomain(page);
    await expectNoAxeViolations(page, "result page without JS");
    await maybeScreenshot(page, "result-nojs-360");

    // Email me this report: a bad address first, then a good one.
    await page.fill("#email-input", "not an address");
    await Promise.all([page.waitForNavigation(), page.click("#email button[type=submit]")]);
    expect(await page.textContent("#email-error")).toContain("Enter an email address like name@example.com.");
    expect(await page.inputValue("#email-input")).toBe("not an address");
    await page.fill("#email-input", "reader@example.com");
    await Promise.all([page.waitForNavigation(), page.click("#email button[type=submit]")]);
    expect(await page.textContent("#email [role=status]")).toContain("On its way");
    const resultUrl = page.url().replace(/\?.*$/, "");

    await page.goto(`${base}/dev/outbox`);
    const row = page.locator("tr[data-kind=scorecard_report]").first();
    expect(await row.textContent()).toContain(
      `Your Aligned Autonomy Scorecard: ${bandForScore(EXPECTED.overall).name} (${EXPECTED.overall}/100)`,
    );
    expect(await row.textContent()).toContain("r•••@example.com");
    expect(await row.textContent()).toContain("sent");
    await Promise.all([page.waitForNavigation(), row.locator("a").click()]);
    const text = await page.textContent("[data-text-part]");
    expect(text).toContain(resultUrl.replace(/\?.*/, ""));
    for (const d of DIMENSIONS) expect(text).toContain(`${d.name}`);
    expect(text).toContain(diagnose(EXPECTED).headline);
    // The report's next step leads to /start with this result, like the page's.
    expect(text).toContain(`${base}/start?result=${resultUrl.split("/").pop()}`);
    expect(text).toMatch(new RegExp(`Strategic Clarity\\s+[#-]{10} ${EXPECTED.dimensions.clarity}`));
    const frame = page.frameLocator("iframe.preview");
    expect(await frame.locator("body").textContent()).toContain("Where to start");
    await context.close();
  });

  it("stores one result when the same form is submitted twice", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/scorecard`);
    // The prerendered page is one file for everyone: without JavaScript it carries no id of its own.
    expect(await page.inputValue('input[name="submission_id"]')).toBe("");
    const action = new URL((await page.getAttribute("form[data-quiz]", "action")) ?? "", base).toString();
    expect(action).toBe(`${base}/scorecard/submit`);
    const form = { submission_id: "", ...Object.fromEntries(Object.entries(ANSWERS).map(([k, v]) => [k, String(v)])) };
    const post = () => page.request.post(action, { form, headers: { origin: base }, maxRedirects: 0 });
    const [a, b] = await Promise.all([post(), post()]);
    expect(a.status()).toBe(303);
    expect(b.status()).toBe(303);
    expect(a.headers().location).toBe(b.headers().location);
    await context.close();
  });
});

describe("the quiz on a phone", () => {
  it("shows statement 1 and all five options on the first screen, without keyboard hints on touch", async () => {
    const phone = await newContext(browser, { width: 360 });
    const page = await phone.newPage();
    await page.goto(`${base}/scorecard`);
    await page.waitForSelector("form.is-stepper");
    const viewport = page.viewportSize()!;
    const last = await page.locator(".q-item.is-current .choice").nth(4).boundingBox();
    expect(last, "option 5 of statement 1").not.toBeNull();
    expect(last!.y + last!.height).toBeLessThanOrEqual(viewport.height);
    expect(await page.isVisible(".quiz-keys")).toBe(false);
    await maybeScreenshot(page, "scorecard-js-360");
    await phone.close();

    const desktop = await newContext(browser, { width: 1280 });
    const wide = await desktop.newPage();
    await wide.goto(`${base}/scorecard`);
    await wide.waitForSelector("form.is-stepper");
    expect(await wide.isVisible(".quiz-keys")).toBe(true);
    await desktop.close();
  });
});

describe("sharing a result and running it with a team", () => {
  it("gives the result a 1200 × 630 PNG share card and plain share links", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    const res = await page.request.post(`${base}/api/scorecard/results`, {
      data: { submissionId: `card-${Date.now()}-00000001`, answers: ANSWERS },
    });
    const { url } = (await res.json()) as { url: string };
    await page.goto(`${base}${url}`);
    expect(await page.getAttribute('meta[name="twitter:card"]', "content")).toBe("summary_large_image");
    const image = (await page.getAttribute('meta[property="og:image"]', "content")) ?? "";
    expect(image).toBe(`${base}${url}/card.png`);
    for (const expected of ["drawn", "stored"]) {
      const card = await page.request.get(image);
      expect(card.status()).toBe(200);
      expect(card.headers()["content-type"]).toBe("image/png");
      expect(card.headers()["x-card"]).toBe(expected);
      const png = await card.body();
      expect([png.toString("latin1", 1, 4), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(["PNG", 1200, 630]);
    }
    const shareUrl = encodeURIComponent(`${base}${url}`);
    expect(await page.getAttribute("[data-share-linkedin]", "href")).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${shareUrl}`,
    );
    expect(await page.getAttribute("[data-share-x]", "href")).toContain(`&url=${shareUrl}`);
    expect(await page.getAttribute("[data-share-email]", "href")).toMatch(/^mailto:\?subject=/);
    // Plain links: every script the page loaded is our own.
    for (const src of watch.scripts.keys()) expect(new URL(src).origin).toBe(base);
    expect((await page.request.get(`${base}/scorecard/r/aaaaaaaaaaaaaaaaaaaaaa/card.png`)).status()).toBe(404);
    await context.close();
  });

  it("'Run this with your team' reaches /start and a first campaign that counts the visitor's own result as a leader's answer", async () => {
    const context = await newContext(browser, { width: 360 });
    const page = await context.newPage();
    const res = await page.request.post(`${base}/api/scorecard/results`, {
      data: { submissionId: `team-${Date.now()}-00000001`, answers: ANSWERS },
    });
    const { id, url } = (await res.json()) as { id: string; url: string };
    await page.goto(`${base}${url}`);
    await Promise.all([page.waitForNavigation(), page.click("[data-team-run]")]);
    expect(page.url()).toBe(`${base}/start?result=${id}`);
    expect(await page.textContent("[data-carried-result]")).toContain("your own result");
    await expectNoAxeViolations(page, "/start from a result");

    const slug = `team-${Date.now().toString(36)}`;
    const email = `${slug}@example.com`;
    await page.fill('input[name="orgName"]', "Team Run Ltd");
    await page.fill('input[name="slug"]', slug);
    await page.fill('input[name="name"]', "Robin Founder");
    await page.fill('input[name="email"]', email);
    await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
    expect(await page.textContent("[role=status]")).toContain("Check your inbox");
    const mail = await latestEmail(page.request, base, email, "Confirm Team Run Ltd");
    await followEmailLink(page, linkIn(mail.text, "/auth/link/"));
    expect(new URL(page.url()).pathname).toBe(`/o/${slug}/campaigns`);
    expect(new URL(page.url()).searchParams.get("result")).toBe(id);

    // A new org declares its headcount first; Settings then leads back to the campaign form.
    await Promise.all([page.waitForNavigation(), page.click("[data-needs-headcount] a")]);
    await page.fill('input[name="headcount"]', "12");
    await Promise.all([page.waitForNavigation(), page.click('form:has(input[name="headcount"]) button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe(`/o/${slug}/campaigns`);
    await page.check("#campaign-own-result");
    await expectNoAxeViolations(page, "campaign form with own result");
    await Promise.all([page.waitForNavigation(), page.click('form:has(input[name="_action"][value="open"]) button[type=submit]')]);
    expect(await page.textContent("[role=status]")).toContain("with your own Scorecard result");
    // The founder's answer counts, and like every count is published only in steps of k.
    expect(await page.textContent("[data-response-count]")).toBe("fewer than 5");

    // This browser has answered: the campaign link does not take the admin's answers twice.
    const link = await page.inputValue("[data-open-campaign] [data-copy-source]");
    await page.goto(link);
    expect(await page.isVisible("[data-status=answered]")).toBe(true);
    expect(await page.locator("form[data-quiz]").count()).toBe(0);
    await context.close();
  });
});

describe("the static front door", () => {
  it("builds / and /scorecard as files that Workers Static Assets answers without running the Worker", async () => {
    for (const file of ["index.html", "scorecard/index.html"]) {
      expect(existsSync(join(ROOT, "dist", "client", file)), `dist/client/${file}`).toBe(true);
    }
    const seen = async () => ((await (await fetch(`${base}/dev/requests`)).json()) as { requests: string[] }).requests;
    const before = (await seen()).length;
    for (const path of ["/", "/scorecard"]) {
      const response = await fetch(`${base}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      const html = await response.text();
      expect(html, path).toContain("</html>");
      // Both front pages lead on to creating an organisation.
      expect(html, path).toContain('href="/start"');
    }
    // A server-rendered page and a refused quiz post do reach the Worker: the log is live.
    await fetch(`${base}/signin`);
    const refused = await fetch(`${base}/scorecard/submit`, {
      method: "POST",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: "sc1=3",
    });
    expect(refused.status).toBe(400);
    const after = (await seen()).slice(before);
    expect(after).toEqual(["GET /signin", "POST /scorecard/submit"]);
  });
});

describe("the Scorecard with JavaScript on", () => {
  it("asks one statement at a time, keeps answers across a reload, and reaches the same result", async () => {
    const context = await newContext(browser, { width: 1280 });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${base}/scorecard`);
    await page.waitForSelector("form.is-stepper");
    expect(await page.textContent("[data-count]")).toBe("Statement 1 of 20");
    expect(await page.locator(".q-item:visible").count()).toBe(1);
    expect(await page.isDisabled("[data-next]")).toBe(true);
    expect(await page.isDisabled("[data-back]")).toBe(true);
    expect(await page.isVisible("[data-submit]")).toBe(false);
    await expectNoAxeViolations(page, "/scorecard stepper");
    await maybeScreenshot(page, "scorecard-js-1280");

    // Statement 1 by mouse (auto-advances), statement 2 by keyboard digit, then Back and forward again.
    await page.click(`.q-item.is-current input[value="${ANSWERS[STATEMENTS[0].id]}"] >> xpath=..`);
    await expect.poll(() => page.textContent("[data-count]")).toBe("Statement 2 of 20");
    await page.keyboard.press(String(ANSWERS[STATEMENTS[1].id]));
    await expect.poll(() => page.textContent("[data-count]")).toBe("Statement 3 of 20");
    await page.click("[data-back]");
    expect(await page.textContent("[data-count]")).toBe("Statement 2 of 20");
    expect(await page.isChecked(`input[name="${STATEMENTS[1].id}"][value="${ANSWERS[STATEMENTS[1].id]}"]`)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.textContent("[data-count]")).toBe("Statement 3 of 20");

    // Arrow keys move within the scale without jumping ahead.
    await page.focus(`.q-item.is-current input[value="1"]`);
    await page.keyboard.press("ArrowRight");
    expect(await page.textContent("[data-count]")).toBe("Statement 3 of 20");
    expect(await page.isChecked(`input[name="${STATEMENTS[2].id}"][value="2"]`)).toBe(true);

    for (let i = 2; i < 10; i++) {
      await page.keyboard.press(String(ANSWERS[STATEMENTS[i].id]));
      await expect.poll(() => page.textContent("[data-count]")).toBe(`Statement ${i + 2} of 20`);
    }
    await page.reload();
    await page.waitForSelector("form.is-stepper");
    expect(await page.textContent("[data-count]")).toBe("Statement 11 of 20");
    expect(await page.isChecked(`input[name="${STATEMENTS[9].id}"][value="${ANSWERS[STATEMENTS[9].id]}"]`)).toBe(true);

    for (let i = 10; i < 20; i++) {
      await page.keyboard.press(String(ANSWERS[STATEMENTS[i].id]));
      if (i < 19) await expect.poll(() => page.textContent("[data-count]")).toBe(`Statement ${i + 2} of 20`);
    }
    expect(await page.isVisible("[data-submit]")).toBe(true);
    await Promise.all([page.waitForNavigation(), page.click("[data-submit]")]);
    await expectResultMatchesDomain(page);

    // The radar chart island draws on a real canvas once visible.
    await page.locator("mv-chart[data-kind=radar]").scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const canvas = document.querySelector("mv-chart[data-kind=radar] canvas") as HTMLCanvasElement | null;
          return canvas ? canvas.width > 0 && canvas.toDataURL().length > 5000 : false;
        }),
      )
      .toBe(true);
    await expectNoAxeViolations(page, "result page with JS");
    await maybeScreenshot(page, "result-js-1280");
    expect(await page.isVisible("[data-copy-button]")).toBe(true);
    expect(await page.getAttribute('meta[name="description"]', "content")).toContain(`Strategic Clarity ${EXPECTED.dimensions.clarity}`);
    expect(await page.title()).toContain(bandForScore(EXPECTED.overall).name);
    expect(watch.errors).toEqual([]);

    // A fresh visit starts a new quiz: the saved answers were cleared.
    await page.goto(`${base}/scorecard`);
    await page.waitForSelector("form.is-stepper");
    expect(await page.textContent("[data-count]")).toBe("Statement 1 of 20");
    await context.close();
  });
});

describe("JavaScript budgets and security headers", () => {
  it("keeps / and /scorecard under 15 KB of gzip JavaScript and the result page under 90 KB, with no CSP violations", async () => {
    const context = await newContext(browser);
    const budgets: Record<string, number> = {};
    for (const path of ["/", "/scorecard"]) {
      const page = await context.newPage();
      const watch = watchPage(page);
      const response = await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(response?.headers()["strict-transport-security"]).toMatch(/max-age=(\d{8,})/);
      expect(await page.locator("script:not([src])").count(), `inline scripts on ${path}`).toBe(0);
      budgets[path] = watch.gzipTotal();
      expect(watch.errors).toEqual([]);
      if (path === "/") await expectNoAxeViolations(page, "/");
      await page.close();
    }
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${base}/scorecard`);
    const res = await page.request.post(`${base}/api/scorecard/results`, {
      data: { submissionId: `budget-${Date.now()}-0000001`, answers: ANSWERS },
    });
    const { url } = (await res.json()) as { url: string };
    await page.goto(`${base}${url}`, { waitUntil: "networkidle" });
    await page.locator("mv-chart[data-kind=radar]").scrollIntoViewIfNeeded();
    await page.waitForLoadState("networkidle");
    budgets.result = watch.gzipTotal();
    console.log(`JavaScript (gzip): / ${budgets["/"]} B, /scorecard ${budgets["/scorecard"]} B, result page ${budgets.result} B`);
    expect(budgets["/"]).toBeLessThanOrEqual(15 * KB);
    expect(budgets["/scorecard"]).toBeLessThanOrEqual(15 * KB);
    expect(budgets.result).toBeLessThanOrEqual(90 * KB);
    expect(budgets.result).toBeGreaterThan(0);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("answers an unknown result with the 404 page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`${base}/scorecard/r/aaaaaaaaaaaaaaaaaaaaaa`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent("h1")).toBe("We could not find that page");
    await expectNoAxeViolations(page, "404");
    await context.close();
  });
});

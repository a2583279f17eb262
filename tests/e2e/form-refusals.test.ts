import { request as httpRequest } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newContext } from "../support/browser";
import { latestEmail, linkIn, signIn } from "../support/browser-flows";

/**
 * Hostile and stale form posts, as a browser sends them: whatever the form, a refusal comes
 * back as the page with a message saying why, never a bare status. Only refusals are posted,
 * so the demo org is left as it was.
 */
const base = inject("baseUrl");
let browser: Browser;
let admin: BrowserContext;
let lead: BrowserContext;
const ids: { payments?: string; onboarding?: string; wave?: string; boost?: string } = {};

beforeAll(async () => {
  await fetch(`${base}/dev/seed`, { method: "POST", headers: { origin: base } });
  browser = await launchBrowser();
  admin = await newContext(browser);
  lead = await newContext(browser, { width: 360 });
  const page = await admin.newPage();
  await signIn(page, base, "admin@northwind.example");
  await page.goto(`${base}/o/northwind/teams`);
  ids.payments = (await page.getAttribute("[data-team='Payments'] a", "href"))!.split("/").pop();
  ids.onboarding = (await page.getAttribute("[data-team='Onboarding'] a", "href"))!.split("/").pop();
  await page.goto(`${base}/o/northwind/waves`);
  ids.wave = (await page.getAttribute("[data-wave^='Wave 7'] a", "href"))!.split("/").pop();
  await page.goto(`${base}/o/northwind/boosts`);
  ids.boost = (await page.getAttribute("main a[href*='/boosts/']", "href"))!.split("/").pop();
  await page.close();
  await signIn(await lead.newPage(), base, "priya@northwind.example");
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the page, then posts these fields from it as a plain HTML form would. */
async function postFrom(
  context: BrowserContext,
  path: string,
  fields: Record<string, string>,
): Promise<{ status: number; alerts: string; h1: string; page: Page }> {
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.evaluate((f) => {
      const form = document.createElement("form");
      form.method = "post";
      for (const [name, value] of Object.entries(f)) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    }, fields),
  ]);
  return {
    status: response!.status(),
    alerts: (await page.locator("[role=alert]").allTextContents()).join(" | "),
    h1: (await page.textContent("h1")) ?? "",
    page,
  };
}

const pages = () => ({
  teams: "/o/northwind/teams",
  team: `/o/northwind/teams/${ids.payments}`,
  waves: "/o/northwind/waves",
  wave: `/o/northwind/waves/${ids.wave}`,
  campaigns: "/o/northwind/campaigns",
  settings: "/o/northwind/settings",
  reports: "/o/northwind/reports",
  boosts: "/o/northwind/boosts",
  boost: `/o/northwind/boosts/${ids.boost}`,
  ppp: `/o/northwind/teams/${ids.payments}/ppp`,
});

describe("a form posted with an action the page does not have", () => {
  it("comes back as the page, with a 400 and a message, on every page with forms", async () => {
    for (const [name, path] of Object.entries(pages())) {
      const r = await postFrom(admin, path, { _action: "no-such-action" });
      expect(r.status, name).toBe(400);
      expect(r.h1, name).not.toBe("We could not find that page");
      expect(r.alerts, name).toMatch(/That form action does not exist|Unknown action/);
      await r.page.close();
    }
  });
});

describe("a public form posted with an action it does not have", () => {
  it("comes back as the form, with a 400 and a message, and what was typed kept", async () => {
    const context = await newContext(browser);
    for (const path of ["/signin", "/start"]) {
      const r = await postFrom(context, path, { _action: "no-such-action", email: "kept@example.com" });
      expect(r.status, path).toBe(400);
      expect(r.alerts, path).toContain("That form action does not exist");
      expect(await r.page.inputValue("input[name=email]"), path).toBe("kept@example.com");
      await r.page.close();
    }
    await context.close();
  });
});

describe("a stale page", () => {
  it("a lead posting an admin's form gets the page with a message, and nothing changes", async () => {
    const p = pages();
    const posts: [string, string, Record<string, string>][] = [
      ["add a team", p.teams, { _action: "create-team", name: "Intruders", declaredSize: "3" }],
      ["invite a lead", p.teams, { _action: "invite", teamId: ids.payments!, name: "Eve", email: "eve@example.com" }],
      ["plan a wave", p.waves, { name: "Lead's wave", startsOn: "2027-01-04", endsOn: "2027-01-31" }],
      ["complete the wave", p.wave, { _action: "complete" }],
      ["add an org objective", p.wave, { _action: "add-objective", title: "Lead's org objective", kind: "roofshot" }],
      ["edit the team", p.team, { _action: "edit-team", name: "Renamed", declaredSize: "8" }],
      [
        "another team's check-in",
        `/o/northwind/teams/${ids.onboarding}`,
        { _action: "delete-objective", _target: "AAAAAAAAAAAAAAAAAAAAAA" },
      ],
      ["open a campaign", p.campaigns, { _action: "open", name: "Lead's campaign" }],
    ];
    for (const [what, path, fields] of posts) {
      const r = await postFrom(lead, path, fields);
      expect([403, 404], what).toContain(r.status);
      expect(r.h1, what).not.toBe("We could not find that page");
      expect(r.alerts.length, what).toBeGreaterThan(10);
      await r.page.close();
    }
    const teams = await (await admin.newPage()).goto(`${base}/o/northwind/teams`);
    expect(await teams!.text()).not.toContain("Intruders");
  });

  it("opening a second campaign from a page loaded before the first was opened says why", async () => {
    // Posted from the page the first campaign's success left behind (…?done=open).
    const r = await postFrom(admin, `${pages().campaigns}?done=open`, { _action: "open", name: "Another campaign" });
    expect(r.status).toBe(409);
    expect(r.alerts).toContain("open");
    // The refusal is not shown under the stale success notice.
    expect(await r.page.locator("[role=status]").allTextContents()).not.toContainEqual(expect.stringContaining("Campaign opened"));
    expect(await r.page.locator("[data-open-campaign]").count()).toBe(1);
  });

  it("a bad submission id is named on the page", async () => {
    const r = await postFrom(lead, pages().boosts, {
      _action: "ask",
      toTeamId: "any",
      need: "Help with the staging environment",
      neededBy: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      submissionId: "bad id!",
    });
    expect(r.status).toBe(400);
    expect(r.alerts).toContain("The submission id must be 16–64 letters");
  });
});

describe("a sign-in request naming another Host", () => {
  it("still emails a link to the configured origin, never to the Host it named", async () => {
    const url = new URL(`${base}/signin`);
    const status = await new Promise<number>((resolve, reject) => {
      const body = "email=jonas%40northwind.example";
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            host: "evil.example",
            origin: "http://evil.example",
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => (res.resume(), resolve(res.statusCode ?? 0)),
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(303);
    const mail = await latestEmail(async (u) => (await fetch(u)).text(), base, "jonas@northwind.example", "sign-in link");
    expect(linkIn(mail.text, "/auth/link/").startsWith(`${base}/auth/link/`)).toBe(true);
    expect(mail.text).not.toContain("evil.example");
  });
});

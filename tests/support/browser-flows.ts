/**
 * What people do through the browser, shared by the browser tests and the screenshot tool:
 * read an email from the local outbox, sign in through the emailed link.
 */
import type { APIRequestContext, Page } from "playwright-core";

/** Reads a URL as text: a Playwright request context or plain fetch. */
export type GetText = (url: string) => Promise<string>;

export function getTextWith(request: APIRequestContext): GetText {
  return async (url) => (await request.get(url)).text();
}

/** The text part of the newest outbox message to `to` whose subject contains `subject`. */
export async function latestEmail(
  source: APIRequestContext | GetText,
  base: string,
  to: string,
  subject = "",
): Promise<{ subject: string; text: string }> {
  const get = typeof source === "function" ? source : getTextWith(source);
  for (let attempt = 0; attempt < 20; attempt++) {
    const list = await get(`${base}/dev/outbox`);
    const rows = [...list.matchAll(/<tr data-outbox-row[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
    for (const row of rows) {
      const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
      const link = /href="(\/dev\/outbox\/\d+)"[^>]*>([^<]*)</.exec(row);
      if (!link || !cells[1]?.includes(to) || !decode(link[2]).includes(subject)) continue;
      const page = await get(`${base}${link[1]}`);
      const text = /<pre[^>]*data-text-part[^>]*>([\s\S]*?)<\/pre>/.exec(page)?.[1] ?? "";
      return { subject: decode(link[2]), text: decode(text) };
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no email to ${to} with subject containing "${subject}" in the outbox`);
}

function decode(html: string): string {
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The first link in an email's text that starts with `prefix` (a path like /auth/link/). */
export function linkIn(text: string, prefix: string): string {
  const m = new RegExp(`https?://[^\\s]+${prefix.replace(/\//g, "\\/")}[^\\s]*`).exec(text);
  if (!m) throw new Error(`no ${prefix} link in:\n${text}`);
  return m[0];
}

/** Follows an emailed link's confirmation page, leaving the page wherever it redirects. */
export async function followEmailLink(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
}

/** Signs in as an existing account the way a person does: form, outbox, link, button. */
export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.fill('input[name="email"]', email);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  const mail = await latestEmail(page.request, base, email, "sign-in link");
  await followEmailLink(page, linkIn(mail.text, "/auth/link/"));
}

/** Creates an org through /start and its emailed link, as its first admin, ending on its board. */
export async function createOrgThroughStart(
  page: Page,
  base: string,
  slug: string,
  orgName: string,
  email: string,
  timeZone = "Europe/Berlin",
): Promise<void> {
  await page.goto(`${base}/start`);
  await page.fill('input[name="orgName"]', orgName);
  await page.fill('input[name="slug"]', slug);
  await page.selectOption('select[name="timeZone"]', timeZone);
  await page.fill('input[name="name"]', "Casey Admin");
  await page.fill('input[name="email"]', email);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  if (!(await page.textContent("[role=status]"))?.includes("Check your inbox"))
    throw new Error(`/start did not send the confirmation for ${slug}`);
  const mail = await latestEmail(page.request, base, email, `Confirm ${orgName}`);
  await followEmailLink(page, linkIn(mail.text, "/auth/link/"));
  if (new URL(page.url()).pathname !== `/o/${slug}`) throw new Error(`creating ${slug} ended on ${page.url()}`);
}

/**
 * A new org through /start (its admin signed in on `page`), one team of `size` people and a
 * four-week draft wave from `startsOn` with the org objective "Ship reliably". Ends on the
 * wave's page; returns the team's path.
 */
export async function createOrgWithTeamAndWave(
  page: Page,
  base: string,
  o: { slug: string; orgName: string; email: string; timeZone: string; team: string; size: number; startsOn: string },
): Promise<{ teamPath: string }> {
  const submit = (selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);
  await createOrgThroughStart(page, base, o.slug, o.orgName, o.email, o.timeZone);
  await page.goto(`${base}/o/${o.slug}/teams`);
  await page.fill("#team-name", o.team);
  await page.fill("#team-size", String(o.size));
  await submit("form:has(#team-name) button[type=submit]");
  const teamPath = await page.getAttribute(`[data-team='${o.team}'] a`, "href");
  if (!teamPath) throw new Error(`no link to team ${o.team}`);
  await page.goto(`${base}/o/${o.slug}/waves`);
  await page.fill('input[name="name"]', "Wave 1");
  await page.fill('input[name="startsOn"]', o.startsOn);
  await page.fill('input[name="endsOn"]', new Date(Date.parse(o.startsOn) + 27 * 86_400_000).toISOString().slice(0, 10));
  await submit("main form button[type=submit]");
  await page.fill('form:has(input[value="add-objective"]) input[name="title"]', "Ship reliably");
  await submit('form:has(input[value="add-objective"]) button[type=submit]');
  return { teamPath };
}

/** Signs in with plain fetch (no browser) and returns the Cookie header value: for scripts. */
export async function signInWithFetch(base: string, email: string): Promise<string> {
  await fetch(`${base}/signin`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: `email=${encodeURIComponent(email)}`,
    redirect: "manual",
  });
  const mail = await latestEmail(async (url) => (await fetch(url)).text(), base, email, "sign-in link");
  // The link is built from PUBLIC_URL, which may name the server differently from `base`
  // (localhost vs 127.0.0.1): its own origin is what a browser would send with the form.
  const link = linkIn(mail.text, "/auth/link/");
  const res = await fetch(link, { method: "POST", headers: { origin: new URL(link).origin }, redirect: "manual" });
  const cookie = /__Host-mv_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("sign-in failed: no session cookie");
  return `__Host-mv_session=${cookie}`;
}

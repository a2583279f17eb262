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
export async function latestEmail(source: APIRequestContext | GetText, base: string, to: string, subject = ""): Promise<{ subject: string; text: string }> {
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
  return html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
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
export async function createOrgThroughStart(page: Page, base: string, slug: string, orgName: string, email: string): Promise<void> {
  await page.goto(`${base}/start`);
  await page.fill('input[name="orgName"]', orgName);
  await page.fill('input[name="slug"]', slug);
  await page.selectOption('select[name="timeZone"]', "Europe/Berlin");
  await page.fill('input[name="name"]', "Casey Admin");
  await page.fill('input[name="email"]', email);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  if (!(await page.textContent("[role=status]"))?.includes("Check your inbox")) throw new Error(`/start did not send the confirmation for ${slug}`);
  const mail = await latestEmail(page.request, base, email, `Confirm ${orgName}`);
  await followEmailLink(page, linkIn(mail.text, "/auth/link/"));
  if (new URL(page.url()).pathname !== `/o/${slug}`) throw new Error(`creating ${slug} ended on ${page.url()}`);
}

/** Signs in with plain fetch (no browser) and returns the Cookie header value: for scripts. */
export async function signInWithFetch(base: string, email: string): Promise<string> {
  await fetch(`${base}/signin`, { method: "POST", headers: { origin: base, "content-type": "application/x-www-form-urlencoded" }, body: `email=${encodeURIComponent(email)}`, redirect: "manual" });
  const mail = await latestEmail(async (url) => (await fetch(url)).text(), base, email, "sign-in link");
  // The email's link names the public origin, which may differ from `base` (localhost vs 127.0.0.1): the CSRF check compares with the link's own.
  const link = linkIn(mail.text, "/auth/link/");
  const res = await fetch(link, { method: "POST", headers: { origin: new URL(link).origin }, redirect: "manual" });
  const cookie = /__Host-mv_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("sign-in failed: no session cookie");
  return `__Host-mv_session=${cookie}`;
}

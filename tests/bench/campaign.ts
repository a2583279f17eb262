/**
 * The Scorecard campaign's hot paths for the bench: a new browser answering the /s/{token}
 * form, and repeat views of the org's result page (served from the stored snapshot).
 */
import { STATEMENTS } from "../../src/domain/scorecard/statements.ts";

/** Declares a headcount large enough for the run, opens a campaign and returns its link token. */
export async function openBenchCampaign(base: string, slug: string, headers: Record<string, string>): Promise<string> {
  const json = { ...headers, "content-type": "application/json" };
  const org = (await (await fetch(`${base}/api/orgs/${slug}`, { headers })).json()) as { name: string; timeZone: string };
  const patched = await fetch(`${base}/api/orgs/${slug}`, {
    method: "PATCH",
    headers: json,
    body: JSON.stringify({ name: org.name, timeZone: org.timeZone, headcount: 100_000 }),
  });
  if (patched.status !== 204) throw new Error(`could not set the bench org's headcount: ${patched.status}`);
  const opened = await fetch(`${base}/api/orgs/${slug}/campaigns`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ name: "Bench campaign" }),
  });
  const { link } = (await opened.json()) as { link: string };
  return link.replace("/s/", "");
}

/**
 * A complete answer form. Without a cookie each request is a new browser, so each one is
 * stored; each comes from its own address (wrangler dev passes cf-connecting-ip through), as
 * people on their own phones do, so the per-address rate limit does not cut the run short.
 */
export function answerRequest(base: string, i: number): RequestInit {
  const fields = STATEMENTS.map((s, n) => `${s.id}=${((i + n) % 5) + 1}`);
  fields.push(`leader=${i % 4 === 0 ? "yes" : "no"}`);
  return {
    method: "POST",
    headers: {
      origin: base,
      "content-type": "application/x-www-form-urlencoded",
      "cf-connecting-ip": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    },
    body: fields.join("&"),
    redirect: "manual",
  };
}

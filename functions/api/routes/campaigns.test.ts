import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { answerMany, setHeadcount, uniform } from "../../../tests/support/campaign-fixtures";
import { createTestOrg, sessionCookieFor } from "../../../tests/support/org-fixtures";

const BASE = "https://mistvine.test";

function call(method: string, path: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { cookie: `__Host-mv_session=${cookie}`, ...headers };
  if (body !== undefined) h["content-type"] = "application/json";
  return exports.default.fetch(`${BASE}${path}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("campaign API", () => {
  it("opens a campaign, reports its suppressed result with an ETag, and closes it", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const cookie = await sessionCookieFor(env.DB, org.admin);
    const slug = org.admin.org.slug;
    await setHeadcount(env.DB, org.admin, 12);

    const opened = await call("POST", `/api/orgs/${slug}/campaigns`, cookie, { waveId: org.waveId });
    expect(opened.status).toBe(201);
    const campaign = (await opened.json()) as { id: string; link: string; wave: { name: string }; state: string };
    expect(campaign).toMatchObject({ state: "open", wave: { name: "Wave 1" } });
    expect(campaign.link).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);

    await answerMany(env.DB, campaign.link.slice(3), 4, uniform(4));
    const early = await call("GET", `/api/orgs/${slug}/results`, cookie);
    const earlyBody = (await early.json()) as { result: { responses: number; everyone: unknown; distributions: unknown } };
    // Below k not even the count shows (it would move with each answer), nor in the campaigns list or the ETag.
    expect(earlyBody.result).toMatchObject({ responses: 0, everyone: { state: "suppressed" }, distributions: null });
    const earlyEtag = early.headers.get("etag");
    const list = (await (await call("GET", `/api/orgs/${slug}/campaigns`, cookie)).json()) as {
      campaigns: { id: string; responses: number }[];
    };
    expect(list.campaigns.find((c) => c.id === campaign.id)?.responses).toBe(0);

    await answerMany(env.DB, campaign.link.slice(3), 1, uniform(4));
    const shown = await call("GET", `/api/orgs/${slug}/results?campaign=${campaign.id}`, cookie);
    const etag = shown.headers.get("etag")!;
    expect(shown.headers.get("cache-control")).toBe("private, no-cache");
    expect(((await shown.json()) as { result: { everyone: unknown } }).result.everyone).toMatchObject({
      state: "shown",
      n: 5,
      scores: { overall: 75 },
    });
    expect((await call("GET", `/api/orgs/${slug}/results`, cookie, undefined, { "if-none-match": etag })).status).toBe(304);
    expect(etag).not.toBe(earlyEtag);
    // A sixth answer moves no published figure: the ETag stays, the list still says 5.
    await answerMany(env.DB, campaign.link.slice(3), 1, uniform(1));
    expect((await call("GET", `/api/orgs/${slug}/results`, cookie, undefined, { "if-none-match": etag })).status).toBe(304);
    const listed = (await (await call("GET", `/api/orgs/${slug}/campaigns`, cookie)).json()) as {
      campaigns: { id: string; responses: number }[];
    };
    expect(listed.campaigns.find((c) => c.id === campaign.id)?.responses).toBe(5);

    expect((await call("POST", `/api/orgs/${slug}/campaigns/${campaign.id}/close`, cookie, {})).status).toBe(204);
    const after = await call("GET", `/api/orgs/${slug}/results`, cookie, undefined, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { campaign: { state: string } }).campaign.state).toBe("closed");
    const again = await call("POST", `/api/orgs/${slug}/campaigns/${campaign.id}/close`, cookie, {});
    expect(again.status).toBe(409);
  });

  it("refuses bad input with the envelope and leads' writes with 403", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const admin = await sessionCookieFor(env.DB, org.admin);
    const lead = await sessionCookieFor(env.DB, org.leads[0]);
    const slug = org.admin.org.slug;
    const noHeadcount = await call("POST", `/api/orgs/${slug}/campaigns`, admin, {});
    expect([noHeadcount.status, ((await noHeadcount.json()) as { error: { code: string } }).error.code]).toEqual([409, "conflict"]);
    await setHeadcount(env.DB, org.admin, 12);
    expect((await call("POST", `/api/orgs/${slug}/campaigns`, admin, "{not json")).status).toBe(400);
    const badName = await call("POST", `/api/orgs/${slug}/campaigns`, admin, { name: "x".repeat(61) });
    expect(((await badName.json()) as { error: { details: unknown } }).error.details).toEqual([
      { field: "name", issue: "The campaign's name can be at most 60 characters." },
    ]);
    expect((await call("POST", `/api/orgs/${slug}/campaigns`, lead, {})).status).toBe(403);
    expect((await call("GET", `/api/orgs/${slug}/share-links`, lead)).status).toBe(403);
    expect((await call("GET", `/api/orgs/${slug}/campaigns`, lead)).status).toBe(200);
    expect((await call("GET", `/api/orgs/${slug}/results?campaign=nope`, admin)).status).toBe(404);
    const empty = await call("GET", `/api/orgs/${slug}/results`, lead);
    expect(await empty.json()).toEqual({ campaign: null, result: null });
  });

  it("answers a result request naming another org's campaign with 404", async () => {
    const home = await createTestOrg(env.DB, { teams: 1 });
    const other = await createTestOrg(env.DB, { teams: 1 });
    await setHeadcount(env.DB, other.admin, 12);
    const cookie = await sessionCookieFor(env.DB, other.admin);
    const opened = (await (await call("POST", `/api/orgs/${other.admin.org.slug}/campaigns`, cookie, {})).json()) as { id: string };
    const homeCookie = await sessionCookieFor(env.DB, home.admin);
    const res = await call("GET", `/api/orgs/${home.admin.org.slug}/results?campaign=${opened.id}`, homeCookie);
    expect(res.status).toBe(404);
  });

  it("creates share links that expire in 7, 30 or 90 days or never, lists and revokes them", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const cookie = await sessionCookieFor(env.DB, org.admin);
    const slug = org.admin.org.slug;
    await setHeadcount(env.DB, org.admin, 12);
    const campaign = (await (await call("POST", `/api/orgs/${slug}/campaigns`, cookie, {})).json()) as { id: string };
    const created = await call("POST", `/api/orgs/${slug}/share-links`, cookie, { campaignId: campaign.id, expiresInDays: null });
    expect(created.status).toBe(201);
    const link = (await created.json()) as { id: string; url: string; expiresAt: string | null };
    expect(link.expiresAt).toBeNull();
    expect(link.url).toMatch(/^\/share\/[A-Za-z0-9_-]{22}$/);
    expect((await call("POST", `/api/orgs/${slug}/share-links`, cookie, { campaignId: campaign.id, expiresInDays: 14 })).status).toBe(400);
    expect((await call("DELETE", `/api/orgs/${slug}/share-links/${link.id}`, cookie)).status).toBe(204);
    const list = (await (await call("GET", `/api/orgs/${slug}/share-links`, cookie)).json()) as {
      shareLinks: { id: string; status: string }[];
    };
    expect(list.shareLinks.map((l) => [l.id, l.status])).toEqual([[link.id, "revoked"]]);
  });
});

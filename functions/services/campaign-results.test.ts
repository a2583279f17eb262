import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { answerMany, answersScoring, openTestCampaign, uniform } from "../../tests/support/campaign-fixtures";
import { countingD1 } from "../../tests/support/d1-counter";
import { failure } from "../../tests/support/app-error";
import { scoreNumbers } from "../../tests/support/result-numbers";
import { createTestOrg, type TestOrg } from "../../tests/support/org-fixtures";
import type { OrgAccess } from "./access";
import { answerCampaign } from "./campaign-answers";
import { getCampaignResult, getOrgResults, getSharedResult } from "./campaign-results";
import { closeCampaignOf, openCampaign } from "./campaigns";
import { createShareLink, revokeShareLinkOf } from "./share-links";
import { randomToken } from "./tokens";

const NOW = new Date("2026-11-20T10:00:00Z");
const K = 5;
const LEADERS = answersScoring({ clarity: 4, context: 4, autonomy: 5, velocity: 4 }); // 75, 75, 100, 75
const MEMBERS = answersScoring({ clarity: 3, context: 2, autonomy: 2, velocity: 3 }); // 50, 25, 25, 50

/** Records the SQL of every statement prepared, to tell aggregation from plain reads. */
function recordingD1(real: D1Database): { db: D1Database; sql: string[] } {
  const sql: string[] = [];
  const db = new Proxy(real, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => (sql.push(query), target.prepare(query));
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, sql };
}
const AGGREGATION = /\b(GROUP BY|COUNT\(|SUM\(|AVG\(|json_each)/i;

async function orgWithCampaign(): Promise<{ org: TestOrg; token: string; campaignId: string }> {
  const org = await createTestOrg(env.DB, { teams: 2 });
  const campaign = await openTestCampaign(env.DB, org.admin, NOW, 40, { waveId: org.waveId });
  return { org, token: campaign.link_token, campaignId: campaign.id };
}

describe("the org's campaign result", () => {
  it("shows nothing about the campaign with k − 1 responses, on the page model and through a share link", async () => {
    const { org, token, campaignId } = await orgWithCampaign();
    await answerMany(env.DB, token, 2, LEADERS, true);
    await answerMany(env.DB, token, K - 3, MEMBERS, false);
    const { result } = await getOrgResults(env.DB, org.admin, null, NOW);
    // Not even the count: it is a published figure too, and would move with each answer.
    expect(result?.responses).toBe(0);
    expect(result?.everyone.state).toBe("suppressed");
    expect([result?.reading, result?.distributions, result?.split]).toEqual([null, null, { state: "hidden" }]);
    expect(scoreNumbers({ ...result, campaign: null })).toEqual([]);
    const link = await createShareLink(env.DB, org.admin, { campaignId, expiresInDays: 7 }, NOW);
    const shared = await getSharedResult(env.DB, link.url.split("/").pop()!, NOW);
    expect(shared.result.everyone.state).toBe("suppressed");
    expect(scoreNumbers({ ...shared.result, campaign: null })).toEqual([]);
  });

  it("shows everyone at k and the gap only once leaders and everyone else each reach k", async () => {
    const { org, token } = await orgWithCampaign();
    await answerMany(env.DB, token, K - 1, LEADERS, true);
    await answerMany(env.DB, token, K + 1, MEMBERS);
    let { result } = await getOrgResults(env.DB, org.admin, null, NOW);
    expect(result?.everyone).toMatchObject({ state: "shown", n: 2 * K });
    expect(result?.split).toEqual({ state: "hidden" });

    // The fifth leader alone would show through leaders + everyone else − everyone: nothing moves
    // until both groups have k people the published figures did not count.
    await answerMany(env.DB, token, 1, LEADERS, true);
    ({ result } = await getOrgResults(env.DB, org.admin, null, NOW));
    expect(result?.split).toEqual({ state: "hidden" });
    expect(result?.everyone).toMatchObject({ state: "shown", n: 2 * K });
    await answerMany(env.DB, token, K - 1, MEMBERS);
    ({ result } = await getOrgResults(env.DB, org.admin, null, NOW));
    expect(result?.split).toEqual({ state: "hidden" });
    expect(result?.everyone).toMatchObject({ state: "shown", n: 2 * K });
    await answerMany(env.DB, token, K, LEADERS, true);
    await answerMany(env.DB, token, 1, MEMBERS);
    ({ result } = await getOrgResults(env.DB, org.admin, null, NOW));
    if (result?.split.state !== "shown") throw new Error("the split should show");
    expect([result.split.leaders.n, result.split.rest.n]).toEqual([2 * K, 2 * K + 1]);
    expect(result.everyone).toMatchObject({ state: "shown", n: 4 * K + 1 });
    expect(result.split.leaders.scores.dimensions).toEqual({ clarity: 75, context: 75, autonomy: 100, velocity: 75 });
    expect(result.split.rest.scores.dimensions).toEqual({ clarity: 50, context: 25, autonomy: 25, velocity: 50 });
    expect(result.split.gap.widest).toEqual({ dimension: "autonomy", gap: 75 });
    expect(result.distributions?.find((d) => d.statementId === "da1")?.counts).toEqual([0, 2 * K + 1, 0, 0, 2 * K]);
    expect(result.reading?.weakest).toBe("context");
  });

  it("serves a repeat view from the snapshot without aggregating, and shows a new response on the next view", async () => {
    const { org, token } = await orgWithCampaign();
    await answerMany(env.DB, token, K, MEMBERS);
    const first = recordingD1(env.DB);
    const cold = await getOrgResults(first.db, org.admin, null, NOW);
    expect(first.sql.some((q) => AGGREGATION.test(q))).toBe(true);

    const again = recordingD1(env.DB);
    const counter = countingD1(again.db);
    const warm = await getOrgResults(counter.db, org.admin, null, NOW);
    expect(warm.result).toEqual(cold.result);
    expect(again.sql.filter((q) => AGGREGATION.test(q))).toEqual([]);
    expect([counter.statements(), counter.roundTrips()]).toEqual([2, 1]);

    // One more answer: computed afresh, but the count, the figures and the ETag stay put, so
    // nobody polling the result (or its ETag) learns the moment a colleague answered.
    await answerMany(env.DB, token, 1, MEMBERS);
    const fresh = await getOrgResults(env.DB, org.admin, null, NOW);
    expect(fresh.result?.responses).toBe(K);
    expect(fresh.result?.everyone).toMatchObject({ state: "shown", n: K });
    expect(fresh.etag).toBe(warm.etag);
    expect(fresh.campaigns.find((c) => c.id === fresh.campaign?.id)?.responses).toBe(K);

    await answerMany(env.DB, token, K - 1, MEMBERS);
    const stepped = await getOrgResults(env.DB, org.admin, null, NOW);
    expect(stepped.result?.everyone).toMatchObject({ state: "shown", n: 2 * K });
    expect(stepped.result?.responses).toBe(2 * K);
    expect(stepped.etag).not.toBe(warm.etag);
  });

  it("never lets one person's answers, or that they lead, be read from the change after they answered", async () => {
    const { org, token } = await orgWithCampaign();
    await answerMany(env.DB, token, K, LEADERS, true);
    await answerMany(env.DB, token, K, MEMBERS, false);
    const before = (await getOrgResults(env.DB, org.admin, null, NOW)).result!;
    expect(before.split.state).toBe("shown");

    // A colleague answers very differently, as a leader: only the count moves.
    const outlier = answersScoring({ clarity: 1, context: 1, autonomy: 1, velocity: 1 });
    await answerMany(env.DB, token, 1, outlier, true);
    const after = (await getOrgResults(env.DB, org.admin, null, NOW)).result!;
    expect(after).toEqual(before);
    const shared = await getSharedResult(
      env.DB,
      (await createShareLink(env.DB, org.admin, { campaignId: before.campaign.id, expiresInDays: 7 }, NOW)).url.split("/").pop()!,
      NOW,
    );
    expect(shared.result.everyone).toEqual(before.everyone);

    // Four more of everyone else: five new people, but leaders grew by one only; a move now
    // would let the split be compared with the last figures, so nothing moves.
    await answerMany(env.DB, token, K - 1, MEMBERS, false);
    expect((await getOrgResults(env.DB, org.admin, null, NOW)).result).toEqual(before);
    // Four more leaders and one more member: both groups grew by k, everything moves together.
    await answerMany(env.DB, token, K - 1, LEADERS, true);
    await answerMany(env.DB, token, 1, MEMBERS, false);
    const later = (await getOrgResults(env.DB, org.admin, null, NOW)).result!;
    expect(later.everyone).toMatchObject({ state: "shown", n: 4 * K });
    expect(later.responses).toBe(4 * K);
    expect(later.distributions?.find((d) => d.statementId === "da1")?.counts.reduce((a, b) => a + b)).toBe(4 * K);
    if (later.split.state !== "shown") throw new Error("split hidden");
    expect([later.split.leaders.n, later.split.rest.n]).toEqual([2 * K, 2 * K]);
  });

  it("is computed afresh after closing, and keeps the k it opened with when the org's k changes", async () => {
    const { org, token, campaignId } = await orgWithCampaign();
    await answerMany(env.DB, token, 3, LEADERS, true);
    await answerMany(env.DB, token, 3, MEMBERS, false);
    expect((await getOrgResults(env.DB, org.admin, null, NOW)).result?.campaign.state).toBe("open");
    await closeCampaignOf(env.DB, org.admin, campaignId, NOW, "https://mistvine.test");
    const closed = await getOrgResults(env.DB, org.admin, null, NOW);
    expect(closed.result?.campaign).toMatchObject({ state: "closed", closedOn: "2026-11-20" });
    expect(closed.result?.split.state).toBe("hidden");

    // Lowering k after the campaign would redraw answers given under k = 5 with k = 3 (the split
    // of 3 leaders and 3 others would show): the campaign keeps its k, in the trend too.
    await env.DB.prepare("UPDATE orgs SET anonymity_k = 3 WHERE id = ?1").bind(org.admin.org.id).run();
    const admin: OrgAccess = { ...org.admin, org: { ...org.admin.org, anonymity_k: 3 } };
    const lowered = await getOrgResults(env.DB, admin, null, NOW);
    expect([lowered.result?.k, lowered.result?.split.state]).toEqual([5, "hidden"]);
    expect(lowered.etag).toBe(closed.etag);
    // A campaign opened afterwards uses the new k, and the closed one keeps 5 in its trend.
    const next = await openCampaign(env.DB, admin, {}, new Date(NOW.getTime() + 86_400_000));
    await answerMany(env.DB, next.link_token, 3, LEADERS, true);
    const newer = (await getOrgResults(env.DB, admin, next.id, NOW)).result!;
    expect(newer.k).toBe(3);
    expect(newer.everyone.state).toBe("shown");
    expect(newer.trend.map((p) => [p.campaignId, p.everyone.state])).toEqual([
      [campaignId, "shown"],
      [next.id, "shown"],
    ]);
    expect(newer.trend[0].gap).toBeNull();
  });

  it("issues the same statements for 6 responses as for 60, across several campaigns", async () => {
    const counts: number[][] = [];
    for (const [campaigns, each] of [
      [1, 6],
      [3, 60],
    ]) {
      const org = await createTestOrg(env.DB, { teams: 1 });
      for (let c = 0; c < campaigns; c++) {
        const campaign = await openTestCampaign(env.DB, org.admin, new Date(NOW.getTime() + c * 86_400_000), 100);
        await answerMany(env.DB, campaign.link_token, each, uniform((c % 5) + 1), c % 2 === 0);
        if (c < campaigns - 1) await closeCampaignOf(env.DB, org.admin, campaign.id, NOW, "https://mistvine.test");
      }
      const counter = countingD1(env.DB);
      const { result } = await getOrgResults(counter.db, org.admin, null, NOW);
      expect(result?.trend).toHaveLength(campaigns);
      counts.push([counter.statements(), counter.roundTrips()]);
    }
    expect(counts[0]).toEqual(counts[1]);
  });

  it("follows the trend across the org's campaigns, and shows an older one on request", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const before = await openTestCampaign(env.DB, org.admin, new Date("2026-10-01T10:00:00Z"));
    await answerMany(env.DB, before.link_token, K, uniform(2));
    await closeCampaignOf(env.DB, org.admin, before.id, NOW, "https://mistvine.test");
    const now = await openCampaign(env.DB, org.admin, { waveId: org.waveId }, NOW);
    await answerMany(env.DB, now.link_token, K, uniform(4));

    const latest = await getOrgResults(env.DB, org.admin, null, NOW);
    expect(latest.campaign?.id).toBe(now.id);
    expect(latest.campaigns.map((c) => c.id)).toEqual([now.id, before.id]);
    expect(latest.result?.trend.map((p) => [p.campaignId, p.everyone.state === "shown" ? p.everyone.scores.overall : null])).toEqual([
      [before.id, 25],
      [now.id, 75],
    ]);
    const older = await getOrgResults(env.DB, org.admin, before.id, NOW);
    expect(older.result?.trend.map((p) => p.campaignId)).toEqual([before.id]);
  });

  it("answers another org's campaign, or nonsense, with 404 and an org without campaigns with an empty view", async () => {
    const { campaignId } = await orgWithCampaign();
    const stranger = await createTestOrg(env.DB, { teams: 1 });
    expect((await failure(getOrgResults(env.DB, stranger.admin, campaignId, NOW))).status).toBe(404);
    expect((await failure(getOrgResults(env.DB, stranger.admin, "../../etc", NOW))).status).toBe(404);
    expect((await failure(getCampaignResult(env.DB, stranger.admin.org, campaignId, NOW))).status).toBe(404);
    expect(await getOrgResults(env.DB, stranger.leads[0], null, NOW)).toEqual({ campaigns: [], campaign: null, result: null, etag: null });
  });

  it("gives other features the same finished model", async () => {
    const { org, token, campaignId } = await orgWithCampaign();
    await answerMany(env.DB, token, K, MEMBERS);
    const page = await getOrgResults(env.DB, org.admin, null, NOW);
    expect(await getCampaignResult(env.DB, org.admin.org, campaignId, NOW)).toEqual(page.result);
  });
});

describe("share links", () => {
  it("show the result signed out until revoked or expired, then answer 410", async () => {
    const { org, token, campaignId } = await orgWithCampaign();
    await answerMany(env.DB, token, K, LEADERS, true);
    await answerMany(env.DB, token, K, MEMBERS, false);
    const week = await createShareLink(env.DB, org.admin, { campaignId, expiresInDays: 7 }, NOW);
    const forever = await createShareLink(env.DB, org.admin, { campaignId, expiresInDays: "never" }, NOW);
    expect(week.expiresAt).toBe("2026-11-27T10:00:00.000Z");
    expect(forever.expiresAt).toBeNull();
    const tokenOf = (url: string) => url.split("/").pop()!;

    const shared = await getSharedResult(env.DB, tokenOf(week.url), NOW);
    expect(shared.orgName).toBe(org.admin.org.name);
    expect(shared.result).toEqual((await getOrgResults(env.DB, org.admin, null, NOW)).result);

    const counter = countingD1(env.DB);
    await getSharedResult(counter.db, tokenOf(week.url), NOW);
    expect([counter.statements(), counter.roundTrips()]).toEqual([1, 1]);

    expect((await failure(getSharedResult(env.DB, tokenOf(week.url), new Date("2026-11-27T10:00:01Z")))).status).toBe(410);
    expect((await getSharedResult(env.DB, tokenOf(forever.url), new Date("2030-01-01T00:00:00Z"))).result.everyone.state).toBe("shown");
    await revokeShareLinkOf(env.DB, org.admin, forever.id, NOW);
    const revoked = await failure(getSharedResult(env.DB, tokenOf(forever.url), NOW));
    expect([revoked.status, revoked.message]).toEqual([410, "The organisation withdrew this link to its Scorecard result."]);
    expect((await failure(getSharedResult(env.DB, randomToken(16), NOW))).status).toBe(404);
  });

  it("are created and revoked by admins of the org only", async () => {
    const { org, campaignId } = await orgWithCampaign();
    const stranger = await createTestOrg(env.DB, { teams: 1 });
    expect((await failure(createShareLink(env.DB, org.leads[0], { campaignId, expiresInDays: 30 }, NOW))).status).toBe(403);
    const foreign = await failure(createShareLink(env.DB, stranger.admin, { campaignId, expiresInDays: 30 }, NOW));
    expect([foreign.status, foreign.details]).toEqual([400, [{ field: "campaignId", issue: "Choose one of your campaigns." }]]);
    const badExpiry = await failure(createShareLink(env.DB, org.admin, { campaignId, expiresInDays: 365 }, NOW));
    expect(badExpiry.details).toEqual([{ field: "expiresInDays", issue: "Choose when the link expires: in 7, 30 or 90 days, or never." }]);
    const link = await createShareLink(env.DB, org.admin, { campaignId, expiresInDays: 90 }, NOW);
    expect((await failure(revokeShareLinkOf(env.DB, stranger.admin, link.id, NOW))).status).toBe(404);
    expect((await failure(revokeShareLinkOf(env.DB, org.leads[0], link.id, NOW))).status).toBe(403);
    await revokeShareLinkOf(env.DB, org.admin, link.id, NOW);
    await revokeShareLinkOf(env.DB, org.admin, link.id, NOW);
  });

  it("never carry more than the org sees: a response below k for leaders keeps the split hidden for outsiders too", async () => {
    const { org, token, campaignId } = await orgWithCampaign();
    await answerMany(env.DB, token, 1, LEADERS, true);
    await answerMany(env.DB, token, 2 * K, MEMBERS, false);
    await answerCampaign(env.DB, token, randomToken(32), { answers: MEMBERS });
    const link = await createShareLink(env.DB, org.admin, { campaignId, expiresInDays: 30 }, NOW);
    const shared = await getSharedResult(env.DB, link.url.split("/").pop()!, NOW);
    expect(shared.result.split).toEqual({ state: "hidden" });
    expect(JSON.stringify(shared.result)).not.toContain('"leaders"');
  });
});

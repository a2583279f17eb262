import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { answersScoring, openTestCampaign, setHeadcount, uniform } from "../../tests/support/campaign-fixtures";
import { failure } from "../../tests/support/app-error";
import { createTestOrg } from "../../tests/support/org-fixtures";
import { answerCampaign, getCampaignLink } from "./campaign-answers";
import { closeCampaignOf, getCampaignsOverview, openCampaign } from "./campaigns";
import type { AppError } from "./errors";
import { submitScorecard } from "./scorecard";
import { randomToken } from "./tokens";

const NOW = new Date("2026-11-20T10:00:00Z");

async function responseRows(campaignId: string) {
  return (await env.DB.prepare("SELECT * FROM scorecard_responses WHERE campaign_id = ?1").bind(campaignId).all<Record<string, unknown>>())
    .results;
}
async function credentialRows(campaignId: string) {
  return (
    await env.DB.prepare("SELECT * FROM scorecard_campaign_credentials WHERE campaign_id = ?1")
      .bind(campaignId)
      .all<Record<string, unknown>>()
  ).results;
}
describe("opening a campaign with the admin's own Scorecard result", () => {
  it("stores it as one leader's answer, guarded by the admin's browser, with no link to the public result", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    await setHeadcount(env.DB, org.admin, 10);
    const answers = answersScoring({ clarity: 4, context: 3, autonomy: 2, velocity: 5 });
    const { id: resultId } = await submitScorecard(env.DB, { submissionId: randomToken(16), answers }, NOW);
    const credential = randomToken(32);
    const campaign = await openCampaign(env.DB, org.admin, { leaderResultId: resultId }, NOW, credential);

    const rows = await responseRows(campaign.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ is_leader: 1, clarity: 75, context: 50, autonomy: 25, velocity: 100 });
    expect(JSON.parse(String(rows[0].answers))).toEqual(answers);
    expect(Object.values(rows[0])).not.toContain(resultId);
    // Counted like any answer, and like any count published only in steps of k: one answer shows as none yet.
    const stored = await env.DB.prepare("SELECT responses FROM scorecard_campaigns WHERE id = ?1")
      .bind(campaign.id)
      .first<number>("responses");
    expect(stored).toBe(1);
    expect((await getCampaignsOverview(env.DB, org.admin, NOW)).open?.responses).toBe(0);
    // The admin's browser has answered: the link says so instead of taking a second answer.
    expect((await getCampaignLink(env.DB, campaign.link_token, credential)).status).toBe("answered");
    expect(await answerCampaign(env.DB, campaign.link_token, credential, { answers })).toEqual({ recorded: false });
    expect(await credentialRows(campaign.id)).toHaveLength(1);
  });

  it("adds nothing unless the box was ticked, and refuses an unknown result without opening the campaign", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    await setHeadcount(env.DB, org.admin, 10);
    const unknown = await failure(openCampaign(env.DB, org.admin, { leaderResultId: "aaaaaaaaaaaaaaaaaaaaaa" }, NOW, randomToken(32)));
    expect([unknown.status, unknown.details[0]?.field]).toEqual([400, "leaderResultId"]);
    const malformed = await failure(openCampaign(env.DB, org.admin, { leaderResultId: "../x" }, NOW, randomToken(32)));
    expect(malformed.status).toBe(400);
    expect((await getCampaignsOverview(env.DB, org.admin, NOW)).open).toBeNull();
    const plain = await openCampaign(env.DB, org.admin, { leaderResultId: "" }, NOW, randomToken(32));
    expect(await responseRows(plain.id)).toHaveLength(0);
  });
});

describe("opening and closing campaigns", () => {
  it("opens one campaign at a time, tied to a wave of the org if asked, named after it", async () => {
    const org = await createTestOrg(env.DB, { teams: 2 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW, 20, { waveId: org.waveId });
    expect(campaign).toMatchObject({ state: "open", wave_id: org.waveId, wave_name: "Wave 1", name: "Scorecard · Wave 1", responses: 0 });
    expect(campaign.link_token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = await failure(openCampaign(env.DB, org.admin, {}, NOW));
    expect([second.status, second.message]).toEqual([409, "A campaign is open already. Close it before opening another."]);

    await closeCampaignOf(env.DB, org.admin, campaign.id, NOW, "https://mistvine.test");
    expect((await failure(closeCampaignOf(env.DB, org.admin, campaign.id, NOW, "https://mistvine.test"))).status).toBe(409);
    const next = await openCampaign(env.DB, org.admin, { name: "  Spring check  " }, new Date(NOW.getTime() + 60_000));
    expect([next.name, next.wave_id]).toEqual(["Spring check", null]);
    const overview = await getCampaignsOverview(env.DB, org.admin, NOW);
    expect(overview.campaigns.map((c) => c.state)).toEqual(["open", "closed"]);
    expect(overview.open?.id).toBe(next.id);
    expect(overview.headcount).toBe(20);
  });

  it("refuses a wave of another org, leads, and an org that has not declared its headcount", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const other = await createTestOrg(env.DB, { teams: 1 });
    expect((await failure(openCampaign(env.DB, org.admin, {}, NOW))).message).toContain("Set how many people work in");
    await setHeadcount(env.DB, org.admin, 10);
    const wrongWave = await failure(openCampaign(env.DB, org.admin, { waveId: other.waveId }, NOW));
    expect([wrongWave.status, wrongWave.details]).toEqual([400, [{ field: "waveId", issue: "Choose a wave of this organisation." }]]);
    expect((await failure(openCampaign(env.DB, org.leads[0], {}, NOW))).status).toBe(403);
    const campaign = await openCampaign(env.DB, org.admin, {}, NOW);
    expect((await failure(closeCampaignOf(env.DB, org.leads[0], campaign.id, NOW, "https://mistvine.test"))).status).toBe(403);
    expect((await failure(closeCampaignOf(env.DB, other.admin, campaign.id, NOW, "https://mistvine.test"))).status).toBe(404);
    expect((await getCampaignsOverview(env.DB, org.leads[0], NOW)).open?.link_token).toBe(campaign.link_token);
  });
});

describe("answering a campaign link", () => {
  it("stores the answers with the leader flag and nothing about the person, and the guard apart from them", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW);
    const credential = randomToken(32);
    expect(await answerCampaign(env.DB, campaign.link_token, credential, { answers: uniform(4), leader: true })).toEqual({
      recorded: true,
    });

    const [response] = await responseRows(campaign.id);
    expect(Object.keys(response).sort()).toEqual([
      "answers",
      "autonomy",
      "campaign_id",
      "clarity",
      "context",
      "id",
      "is_leader",
      "velocity",
    ]);
    expect(response).toMatchObject({ is_leader: 1, clarity: 75, context: 75, autonomy: 75, velocity: 75 });
    const [guard] = await credentialRows(campaign.id);
    expect(Object.keys(guard).sort()).toEqual(["campaign_id", "credential_hash"]);
    expect(guard.credential_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(guard)).not.toContain(credential);
    // Neither table has a rowid that could pair the two rows by insertion order.
    const tables = await env.DB.prepare(
      "SELECT name, sql FROM sqlite_master WHERE name IN ('scorecard_responses', 'scorecard_campaign_credentials')",
    ).all<{ sql: string }>();
    for (const t of tables.results) expect(t.sql).toContain("WITHOUT ROWID");
    expect((await getCampaignLink(env.DB, campaign.link_token, credential)).status).toBe("answered");
    expect((await getCampaignLink(env.DB, campaign.link_token, randomToken(32))).status).toBe("open");
  });

  it("counts a left-out leader question with everyone else", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW);
    await answerCampaign(env.DB, campaign.link_token, randomToken(32), { answers: uniform(2) });
    await answerCampaign(env.DB, campaign.link_token, randomToken(32), { answers: uniform(2), leader: false });
    expect((await responseRows(campaign.id)).map((r) => r.is_leader)).toEqual([0, 0]);
  });

  it("takes one response per browser: a repeat, even in parallel, stores nothing more", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW);
    const credential = randomToken(32);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => answerCampaign(env.DB, campaign.link_token, credential, { answers: uniform(3) })),
    );
    expect(outcomes.filter((o) => o.recorded)).toHaveLength(1);
    expect(await responseRows(campaign.id)).toHaveLength(1);
    expect(await credentialRows(campaign.id)).toHaveLength(1);
  });

  it("stores exactly N responses from N browsers answering in parallel", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        answerCampaign(env.DB, campaign.link_token, randomToken(32), { answers: uniform((i % 5) + 1), leader: i % 3 === 0 }),
      ),
    );
    expect(await responseRows(campaign.id)).toHaveLength(12);
    const row = await env.DB.prepare("SELECT responses, result_version FROM scorecard_campaigns WHERE id = ?1").bind(campaign.id).first();
    expect(row).toEqual({ responses: 12, result_version: 12 });
  });

  it("stops at the org's headcount, even when more browsers answer at once", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW, 3);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => answerCampaign(env.DB, campaign.link_token, randomToken(32), { answers: uniform(3) })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => (o.reason as AppError).status);
    expect(refused).toEqual([409, 409, 409]);
    expect(await responseRows(campaign.id)).toHaveLength(3);
    expect((await getCampaignLink(env.DB, campaign.link_token, randomToken(32))).status).toBe("full");
  });

  it("keeps the headcount the campaign opened with: raising the org's later neither reopens a full link nor probes the count", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW, 2);
    for (let i = 0; i < 2; i++) await answerCampaign(env.DB, campaign.link_token, randomToken(32), { answers: uniform(3) });
    await setHeadcount(env.DB, org.admin, 10);
    const error = await failure(answerCampaign(env.DB, campaign.link_token, randomToken(32), { answers: uniform(4) }));
    expect(error.status).toBe(409);
    expect(error.message).not.toMatch(/\d/);
    expect(await responseRows(campaign.id)).toHaveLength(2);
    expect((await getCampaignLink(env.DB, campaign.link_token, randomToken(32))).status).toBe("full");
  });

  it("refuses bad answers with field messages and writes nothing", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW);
    const { sc1: _dropped, ...missing } = uniform(3);
    const cases: unknown[] = [
      { answers: missing },
      { answers: { ...uniform(3), da1: 6 } },
      { answers: uniform(3), leader: "maybe" },
      { answers: "all fives" },
      null,
    ];
    for (const input of cases) {
      const error = await failure(answerCampaign(env.DB, campaign.link_token, randomToken(32), input));
      expect(error.status).toBe(400);
      expect(error.details.length).toBeGreaterThan(0);
    }
    expect(await responseRows(campaign.id)).toHaveLength(0);
    expect(await credentialRows(campaign.id)).toHaveLength(0);
  });

  it("answers a closed link with 410 and an unknown one with 404", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW);
    await closeCampaignOf(env.DB, org.admin, campaign.id, NOW, "https://mistvine.test");
    expect((await getCampaignLink(env.DB, campaign.link_token, null)).status).toBe("closed");
    expect(
      (
        await failure(
          answerCampaign(env.DB, campaign.link_token, randomToken(32), {
            answers: answersScoring({ clarity: 1, context: 2, autonomy: 3, velocity: 4 }),
          }),
        )
      ).status,
    ).toBe(410);
    expect((await failure(getCampaignLink(env.DB, "x".repeat(22), null))).status).toBe(404);
    expect((await failure(getCampaignLink(env.DB, "not a token", null))).status).toBe(404);
    expect(await responseRows(campaign.id)).toHaveLength(0);
  });
});

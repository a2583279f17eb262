import { env } from "cloudflare:workers";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { answerMany, answersScoring, openTestCampaign, uniform } from "../../tests/support/campaign-fixtures";
import { createTestOrg } from "../../tests/support/org-fixtures";
import type { OutboxRow } from "../db/outbox";
import { closeCampaignOf } from "./campaigns";
import { outboxMessageSource } from "./outbox";

const NOW = new Date("2026-11-20T10:00:00Z");

async function reportTo(email: string, campaignId: string) {
  const row = await env.DB.prepare("SELECT * FROM outbox WHERE kind = 'campaign_report' AND to_address = ?1 AND idempotency_key LIKE ?2")
    .bind(email, `campaign_report:${campaignId}:%`)
    .first<OutboxRow>();
  if (!row) throw new Error(`no campaign report to ${email}`);
  return PostalMime.parse(outboxMessageSource(row, env.MAIL_FROM));
}

describe("the emailed campaign report", () => {
  it("goes to every admin once when the campaign closes, with the result, the gap and an unsubscribe link", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW);
    await answerMany(env.DB, campaign.link_token, 5, answersScoring({ clarity: 4, context: 4, autonomy: 5, velocity: 4 }), true);
    await answerMany(env.DB, campaign.link_token, 5, answersScoring({ clarity: 4, context: 3, autonomy: 2, velocity: 3 }), false);
    const ids = await closeCampaignOf(env.DB, org.admin, campaign.id, NOW, "https://mistvine.test");
    expect(ids).toHaveLength(1);
    const mail = await reportTo(org.admin.viewer.email, campaign.id);
    expect(mail.subject).toBe(`Scorecard result · ${org.admin.org.name}: ${campaign.name}`);
    expect(mail.text).toContain("from 10 people");
    expect(mail.text).toContain("Leaders rate Decision Autonomy 75 points higher than everyone else");
    expect(mail.html).toContain(`href="https://mistvine.test/o/${org.admin.org.slug}/results?campaign=${campaign.id}"`);
    const headers = Object.fromEntries(mail.headers.map((h) => [h.key, h.value]));
    expect(headers["list-unsubscribe"]).toMatch(/^<https:\/\/mistvine\.test\/u\/[A-Za-z0-9_-]{22}>$/);
    expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // The lead is not an admin and gets nothing.
    expect(
      await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'campaign_report' AND to_address = ?1")
        .bind(org.leads[0].viewer.email)
        .first("n"),
    ).toBe(0);
  });

  it("with fewer than k answers says so and carries no score", async () => {
    const org = await createTestOrg(env.DB, { teams: 1 });
    const campaign = await openTestCampaign(env.DB, org.admin, NOW);
    await answerMany(env.DB, campaign.link_token, 4, uniform(5));
    await closeCampaignOf(env.DB, org.admin, campaign.id, NOW, "https://mistvine.test");
    const mail = await reportTo(org.admin.viewer.email, campaign.id);
    expect(mail.text).toContain("Fewer than 5 people answered, so there is no result to show");
    expect(mail.text).not.toMatch(/out of 100|\b100\b|Autonomous/);
    expect(mail.html).not.toMatch(/out of 100|Autonomous/);
  });
});
